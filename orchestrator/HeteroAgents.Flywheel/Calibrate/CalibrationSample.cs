using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>One SLM answer to a task whose frontier answer is known: the evidence a threshold is calibrated on.</summary>
/// <param name="Workload">The task's workload id, when it has one.</param>
/// <param name="Type">The task type.</param>
/// <param name="Confidence">The SLM answer's confidence as the worker computed it; null when it would never be completed (it failed a check, or its confidence was unknown).</param>
/// <param name="Agree">Whether the SLM answer agrees with the frontier answer (<see cref="AnswerComparer"/>).</param>
/// <param name="Source"><c>logged</c> (an escalated SLM answer and the frontier call that resolved it), <c>audit</c> (a completed SLM answer the frontier answered again) or <c>replay</c> (the SLM run again on the task).</param>
/// <param name="RecordId">The frontier call whose answer is the reference.</param>
public sealed record CalibrationSample(string? Workload, TaskType Type, double? Confidence, bool Agree, string Source, string RecordId);
