namespace HeteroAgents.Contracts;

/// <summary>The stable names of the semantic checks on results (<see cref="ResultProblem.Check"/>).</summary>
public static class ResultCheckNames
{
    /// <summary>Classify: the label is one of the task's labels (exact, case-sensitive).</summary>
    public const string LabelInSet = "label_in_set";

    /// <summary>Extract: every extracted string appears in the source text (<see cref="SourceTextMatcher"/>).</summary>
    public const string ValueInSource = "value_in_source";

    /// <summary>Tool call: the named tool is one of the task's tools.</summary>
    public const string ToolExists = "tool_exists";

    /// <summary>Tool call: the arguments validate against the tool's parameters schema.</summary>
    public const string ToolArguments = "tool_arguments";

    /// <summary>Summarize: the summary has at most <c>max_words</c> words.</summary>
    public const string MaxWords = "max_words";

    /// <summary>Summarize: the summary is not blank.</summary>
    public const string NonEmpty = "non_empty";
}
