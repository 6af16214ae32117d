using HeteroAgents.Contracts;

namespace HeteroAgents.Frontier;

/// <summary>
/// The frontier model was asked to resolve an escalated task and failed: invalid JSON, a result that does not
/// validate, a timeout, a refusal or a backend error (<see cref="Kind"/>). Batch jobs record it as
/// <see cref="TaskFailed"/> with code <see cref="ErrorCode"/>.
/// </summary>
public sealed class FrontierResolutionException : HeteroTaskException
{
    /// <summary>The <see cref="TaskError.Code"/> of a failed frontier resolution.</summary>
    public const string ErrorCode = "frontier_error";

    /// <summary>Creates the exception.</summary>
    public FrontierResolutionException(Guid taskId, TaskType taskType, FrontierFailureKind kind, string detail, string? rawOutput = null, Exception? innerException = null)
        : base(taskId, taskType, $"The frontier model could not resolve the escalated {taskType.ToWireName()} task {taskId}: {KindName(kind)}: {detail}", innerException)
    {
        Kind = kind;
        Detail = detail;
        RawOutput = rawOutput;
    }

    /// <summary>Why the resolution failed.</summary>
    public FrontierFailureKind Kind { get; }

    /// <summary>The failed check or the backend's message.</summary>
    public string Detail { get; }

    /// <summary>What the frontier model answered, when it answered.</summary>
    public string? RawOutput { get; }

    /// <summary>The snake_case name of a failure kind, as written into <see cref="TaskError.Message"/>.</summary>
    public static string KindName(FrontierFailureKind kind) => kind switch
    {
        FrontierFailureKind.InvalidJson => "invalid_json",
        FrontierFailureKind.SchemaInvalid => "schema_invalid",
        FrontierFailureKind.Timeout => "timeout",
        FrontierFailureKind.Refusal => "refusal",
        FrontierFailureKind.BackendError => "backend_error",
        _ => kind.ToString(),
    };

    /// <summary>The <see cref="TaskError"/> a batch records for this failure.</summary>
    public TaskError ToTaskError() => new(ErrorCode, Message, Field: "result");
}
