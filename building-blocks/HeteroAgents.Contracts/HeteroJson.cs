using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeteroAgents.Contracts;

/// <summary>
/// The JSON conventions of HeteroAgents' public formats (batch files, result payloads, schemas):
/// snake_case names, enums as their wire names, nulls written, unknown members rejected.
/// </summary>
public static class HeteroJson
{
    /// <summary>Options for reading and writing HeteroAgents JSON. Frozen: do not modify.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Options for one-line JSON (JSONL output): the same conventions, no indentation.</summary>
    public static JsonSerializerOptions Compact => Options;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
