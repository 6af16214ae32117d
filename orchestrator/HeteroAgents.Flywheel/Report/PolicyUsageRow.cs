namespace HeteroAgents.Flywheel;

/// <summary>Batch lines of one task type and workload answered under one routing policy version: how the loop moved the SLM share.</summary>
/// <param name="TaskType">Task type wire name.</param>
/// <param name="Workload">The tasks' workload id (<c>routing.workload</c>), else the batch output file's name.</param>
/// <param name="PolicyVersion">The routing policy the worker applied (<c>routing.policy_version</c>).</param>
/// <param name="Calls">Lines.</param>
/// <param name="SlmShare">Share completed by an SLM.</param>
/// <param name="EscalationRate">Share escalated (resolved or not).</param>
public sealed record PolicyUsageRow(string TaskType, string Workload, string PolicyVersion, int Calls, double SlmShare, double EscalationRate);
