using HeteroAgents.Flywheel;

namespace HeteroAgents.Orchestrator.Routing;

/// <summary>One reference task run again through the worker pipeline (gate off): the sample it gives, its latency and tokens.</summary>
/// <param name="Sample">The calibration sample (null: the task failed, or its agreement is not counted).</param>
/// <param name="LatencyMs">The worker's latency.</param>
/// <param name="Tokens">Input plus output tokens.</param>
/// <param name="InputTokens">Prompt tokens (the prompt-length cost of in-context examples).</param>
public sealed record ReplayedAnswer(CalibrationSample? Sample, long LatencyMs, long Tokens, long InputTokens = 0);
