using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Plugins;

/// <summary>
/// Checks that every parameter the function's schema requires was passed before the function runs, and names the missing
/// one in an <see cref="ArgumentException"/> (its <see cref="ArgumentException.ParamName"/> is the parameter, as for every
/// other bad argument), where the function factory would only name <c>arguments</c>.
/// </summary>
internal sealed class RequiredArgumentsFunction(AIFunction inner) : DelegatingAIFunction(inner)
{
    private readonly string[] _required = Required(inner.JsonSchema);

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var name in _required)
        {
            if (!arguments.TryGetValue(name, out var value) || value is null || value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
            {
                throw new ArgumentException($"{name} is required.", name);
            }
        }

        return base.InvokeCoreAsync(arguments, cancellationToken);
    }

    private static string[] Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? [.. required.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}
