using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>The planner behind <c>hetero run</c> (configuration section <c>Hetero:Planner</c>).</summary>
public sealed class PlannerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Planner";

    /// <summary>The frontier model's system instructions.</summary>
    [Required]
    public string Instructions { get; set; } =
        "You plan and answer the user's goal. Hand every classification, field extraction, tool routing and summarization "
        + "sub-step to the hetero functions (classify, extract, call_tool, summarize) instead of doing it yourself: they run "
        + "on small specialised models. Pass texts verbatim. Then combine their results into a concise final answer.";

    /// <summary>Upper bound on a whole run (all planning steps and sub-tasks).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "02:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest argument or result text kept per trace step (longer text is cut with an ellipsis).</summary>
    [Range(16, 1_000_000)]
    public int TraceTextLimit { get; set; } = 400;
}
