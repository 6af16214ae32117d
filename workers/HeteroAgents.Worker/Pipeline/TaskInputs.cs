using System.Text.Json;
using System.Text.Json.Serialization;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Pipeline;

/// <summary>Renders a task's <c>input</c> object as JSON (the shape of the batch line's <c>input</c>), for escalations and size limits.</summary>
public static class TaskInputs
{
    // For inputs that break the contract (e.g. a null required field from an old or foreign producer): still render what is there.
    private static readonly JsonSerializerOptions Lenient = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The input of <paramref name="task"/> as a JSON element (an empty object when the task has none).</summary>
    public static JsonElement ToJson(ITaskMessage task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var input = task.Kind.InputOf(task);
        if (input is null)
        {
            return JsonSerializer.SerializeToElement(new Dictionary<string, object>(), Lenient);
        }

        try
        {
            return JsonSerializer.SerializeToElement(input, task.Kind.InputType, HeteroJson.Options);
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(input, input.GetType(), Lenient);
        }
    }
}
