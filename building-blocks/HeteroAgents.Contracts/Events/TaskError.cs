namespace HeteroAgents.Contracts;

/// <summary>Why a task failed, located where possible.</summary>
/// <param name="Code">A stable machine-readable code, e.g. <c>malformed_json</c>, <c>invalid_input</c>, <c>frontier_error</c>.</param>
/// <param name="Message">A human-readable explanation naming the line, field or value at fault.</param>
/// <param name="Line">The 1-based input line, for batch input errors.</param>
/// <param name="Field">The JSON path of the field at fault, e.g. <c>input.labels</c>.</param>
public sealed record TaskError(string Code, string Message, long? Line = null, string? Field = null);
