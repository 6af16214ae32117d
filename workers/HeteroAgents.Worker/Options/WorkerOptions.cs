using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Worker.Options;

/// <summary>Pipeline settings of a worker (configuration section <c>Hetero:Worker</c>, environment <c>HETERO__WORKER__*</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Worker";

    /// <summary>
    /// The task type this process serves (<c>classify</c>, <c>extract</c>, <c>tool_call</c>, <c>summarize</c>); set by
    /// <c>--task</c>. Only the <c>hetero-worker</c> executable reads it; in-process hosting names its types in code.
    /// </summary>
    public string? Task { get; set; }

    /// <summary>
    /// Unset (the default): the routing policy's <c>min_confidence</c> per workload and task type applies
    /// (<c>Hetero:Routing</c>, else the built-in policy). Set: this threshold replaces every <c>min_confidence</c>
    /// (results below it are escalated with <c>low_confidence</c>); 0 turns the confidence gate off, so nothing is
    /// escalated for its confidence, known or not.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? ConfidenceThreshold { get; set; }

    /// <summary>
    /// The share of a summary's content words that must be found in its source text; below it the summary is escalated
    /// with <c>semantic_invalid</c> (check <c>summary_faithfulness</c>) whatever the confidence gate says.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSummaryFaithfulness { get; set; } = Contracts.SummaryGrounding.DefaultMinFaithfulness;

    /// <summary>
    /// How confidence is derived from token log-probabilities when the backend reports no confidence of its own:
    /// the smallest token probability (strict; suits short answers) or the geometric mean token probability.
    /// </summary>
    public LogProbConfidence LogProbConfidence { get; set; } = LogProbConfidence.MinTokenProbability;

    /// <summary>
    /// Largest task input served, in characters of its JSON form (the <c>input</c> object of the batch line).
    /// Larger inputs are escalated with <c>input_too_large</c> without calling the model.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxInputChars { get; set; } = 32_000;

    /// <summary>Delay between the retries of a task whose backend call failed transiently (connection refused, timeout, HTTP 429/5xx).</summary>
    [Range(0, 600_000)]
    public int BackendRetryIntervalMs { get; set; } = 500;

    /// <summary>How long a stopping worker waits for in-flight tasks to finish before it exits.</summary>
    [Range(1, 3_600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>Number of compiled JSON schemas (input and result schemas) kept for reuse; tasks of one batch usually share their schemas.</summary>
    [Range(0, 100_000)]
    public int SchemaCacheSize { get; set; } = 1_024;
}
