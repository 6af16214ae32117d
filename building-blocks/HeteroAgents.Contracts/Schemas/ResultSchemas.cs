using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace HeteroAgents.Contracts;

/// <summary>
/// JSON schemas of task results. The base schema of each result type is exported from the C# type
/// (System.Text.Json's <see cref="JsonSchemaExporter"/>); <see cref="For(ITaskMessage)"/> narrows it to
/// one task (the label set of a classify task, the caller's schema of an extract task, the tool list of
/// a tool-call task). Workers use the narrowed schema as the decoding constraint and validators check
/// output against it.
/// </summary>
public static class ResultSchemas
{
    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
    };

    /// <summary>The base schema exported from a result type, e.g. <see cref="ClassifyResult"/>.</summary>
    public static JsonObject FromType(Type resultType)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        var node = HeteroJson.Options.GetJsonSchemaAsNode(resultType, ExporterOptions).AsObject();
        node["additionalProperties"] = false;
        return node;
    }

    /// <summary>The base schema of a task type's result. Extract results have no fixed type: the caller's schema is the result schema.</summary>
    public static JsonObject ForType(TaskType type) => type switch
    {
        TaskType.Classify => FromType(typeof(ClassifyResult)),
        TaskType.ToolCall => FromType(typeof(ToolCallResult)),
        TaskType.Summarize => FromType(typeof(SummarizeResult)),
        TaskType.Extract => new JsonObject { ["type"] = "object" },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown task type."),
    };

    /// <summary>The result schema narrowed to one task.</summary>
    public static JsonObject For(ITaskMessage task) => task switch
    {
        ClassifyTask c => ForClassify(c.Input),
        ExtractTask e => ForExtract(e.Input),
        ToolCallTask t => ForToolCall(t.Input),
        SummarizeTask => ForType(TaskType.Summarize),
        null => throw new ArgumentNullException(nameof(task)),
        _ => throw new ArgumentException($"Unknown task message type {task.GetType().Name}.", nameof(task)),
    };

    /// <summary>Classify: <c>label</c> must be one of the task's labels.</summary>
    public static JsonObject ForClassify(ClassifyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schema = ForType(TaskType.Classify);
        var label = schema["properties"]!["label"]!.AsObject();
        label["enum"] = new JsonArray([.. input.Labels.Select(l => (JsonNode?)JsonValue.Create(l))]);
        return schema;
    }

    /// <summary>Extract: the caller's schema, as given.</summary>
    public static JsonObject ForExtract(ExtractInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonNode.Parse(input.Schema.GetRawText())!.AsObject();
    }

    /// <summary>Tool call: one branch per tool, each fixing <c>name</c> and constraining <c>arguments</c> to that tool's parameters schema.</summary>
    public static JsonObject ForToolCall(ToolCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var branches = new JsonArray();
        foreach (var tool in input.Tools)
        {
            branches.Add(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["const"] = tool.Name },
                    ["arguments"] = JsonNode.Parse(tool.Parameters.GetRawText()),
                },
                ["required"] = new JsonArray("name", "arguments"),
                ["additionalProperties"] = false,
            });
        }

        return new JsonObject { ["anyOf"] = branches };
    }

    /// <summary>Serializes a schema node to a compact JSON string.</summary>
    public static string ToJsonString(JsonNode schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
