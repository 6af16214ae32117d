using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>The checks a result must pass beyond its schema, for one task type.</summary>
/// <typeparam name="TTask">The task message type.</typeparam>
public interface ISemanticValidator<in TTask>
    where TTask : ITaskMessage
{
    /// <summary>The first failed check, or null when <paramref name="result"/> passes them all.</summary>
    ValueTask<ValidationProblem?> ValidateAsync(TTask task, JsonElement result, CancellationToken cancellationToken);
}
