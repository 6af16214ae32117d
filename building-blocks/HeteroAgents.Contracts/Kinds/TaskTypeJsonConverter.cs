using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeteroAgents.Contracts;

/// <summary>Writes a <see cref="TaskType"/> as its wire name and reads one back (also as a dictionary key).</summary>
public sealed class TaskTypeJsonConverter : JsonConverter<TaskType>
{
    /// <inheritdoc />
    public override TaskType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new JsonException($"A task type must be a string, not {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TaskType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.WireName);
    }

    /// <inheritdoc />
    public override TaskType ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TaskType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.WireName);
    }

    private static TaskType Parse(string? name) =>
        TaskType.TryNormalize(name, out var normalized) ? TaskType.Named(normalized) : throw new JsonException($"'{name}' is not a task type name.");
}
