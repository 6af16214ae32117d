using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Orchestrator.Options;

/// <summary>
/// Batch submission and waiting (configuration section <c>Hetero:Batch</c>, environment <c>HETERO__BATCH__*</c>).
/// The parser limits of the same section bind to <see cref="Contracts.TaskInputParserOptions"/>.
/// </summary>
public sealed class BatchJobOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Batch";

    /// <summary>Where job state lives.</summary>
    public StoreKind Store { get; set; } = StoreKind.Auto;

    /// <summary>Task messages being sent (awaiting the broker's confirm) at once.</summary>
    [Range(1, 100_000)]
    public int MaxInFlightSends { get; set; } = 256;

    /// <summary>
    /// While waiting for a batch (<c>batch run</c>), at most this many tasks are published ahead of their outcomes;
    /// the reader pauses beyond it, so queues and memory stay bounded whatever the batch size.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxOutstanding { get; set; } = 5_000;

    /// <summary>How often progress is polled from the store.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the submitter checks whether the batch was cancelled, in lines.</summary>
    [Range(1, 1_000_000)]
    public int CancelCheckLines { get; set; } = 1_000;
}
