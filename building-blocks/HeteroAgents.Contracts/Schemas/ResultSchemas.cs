using System.Collections.Concurrent;
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

    private static readonly JsonSerializerOptions CompactOptions = new() { WriteIndented = false };

    // Exported once per result type (the exporter walks the type's metadata); callers get a copy they may narrow.
    private static readonly ConcurrentDictionary<Type, JsonObject> Exported = new();

    /// <summary>The base schema exported from a result type, e.g. <see cref="ClassifyResult"/> (a new copy on each call).</summary>
    public static JsonObject FromType(Type resultType)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        var exported = Exported.GetOrAdd(resultType, static type =>
        {
            var node = HeteroJson.Options.GetJsonSchemaAsNode(type, ExporterOptions).AsObject();
            node["additionalProperties"] = false;
            return node;
        });
        lock (exported)
        {
            return exported.DeepClone().AsObject();
        }
    }

    /// <summary>The base schema of a built-in task type's result. Extract results have no fixed type: the caller's schema is the result schema.</summary>
    public static JsonObject ForType(TaskType type) => TaskKindRegistry.Default.Get(type).BaseResultSchema();

    /// <summary>The result schema narrowed to one task (its kind's <see cref="TaskKind.ResultSchema(ITaskMessage)"/>).</summary>
    public static JsonObject For(ITaskMessage task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Kind.ResultSchema(task);
    }

    /// <summary>Classify: <c>label</c> must be one of the task's labels.</summary>
    public static JsonObject ForClassify(ClassifyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schema = FromType(typeof(ClassifyResult));
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
        return schema.ToJsonString(CompactOptions);
    }
}
