namespace HeteroAgents.Contracts;

/// <summary>The stable names of the semantic checks on results (<see cref="ResultProblem.Check"/>).</summary>
public static class ResultCheckNames
{
    /// <summary>Classify: the label is one of the task's labels (exact, case-sensitive).</summary>
    public const string LabelInSet = "label_in_set";

    /// <summary>Any task type: every number in the result parses to a finite double (no <c>1E400</c>).</summary>
    public const string FiniteNumber = "finite_number";

    /// <summary>Extract: every extracted string appears in the source text (<see cref="SourceGrounding"/>).</summary>
    public const string ValueInSource = "value_in_source";

    /// <summary>Extract: every extracted number is one of the source's numbers under normalization (<see cref="SourceNumbers"/>).</summary>
    public const string NumberInSource = "number_in_source";

    /// <summary>Extract: every date-format string names one of the source's dates (<see cref="SourceDates"/>).</summary>
    public const string DateInSource = "date_in_source";

    /// <summary>Tool call: the named tool is one of the task's tools.</summary>
    public const string ToolExists = "tool_exists";

    /// <summary>Tool call: the arguments validate against the tool's parameters schema.</summary>
    public const string ToolArguments = "tool_arguments";

    /// <summary>Tool call: every string and number argument is grounded in the request (<see cref="SourceGrounding"/>).</summary>
    public const string ArgumentInRequest = "argument_in_request";

    /// <summary>Summarize: the summary has at most <c>max_words</c> words.</summary>
    public const string MaxWords = "max_words";

    /// <summary>Summarize: the summary is not blank.</summary>
    public const string NonEmpty = "non_empty";

    /// <summary>Summarize: every number and name of the summary is in the source (<see cref="SummaryGrounding"/>).</summary>
    public const string SummaryFacts = "summary_facts";

    /// <summary>Summarize: the share of the summary's content words found in the source reaches the minimum (<see cref="SummaryGrounding"/>).</summary>
    public const string SummaryFaithfulness = "summary_faithfulness";
}
