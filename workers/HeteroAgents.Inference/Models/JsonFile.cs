using System.Text.Json;

namespace HeteroAgents.Inference.Models;

/// <summary>Reads JSON files of a model folder with errors that name the file and field at fault.</summary>
internal static class JsonFile
{
    public static JsonDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException($"Model file '{path}' is missing.");
        }

        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ModelLoadException($"Model file '{path}' is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): {ex.Message}", ex);
        }
    }

    public static int? Int(JsonElement obj, string name, string file)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i))
        {
            throw new ModelLoadException($"'{file}': field '{name}' must be an integer, found {v.GetRawText()}.");
        }

        return i;
    }

    public static double? Double(JsonElement obj, string name, string file)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            throw new ModelLoadException($"'{file}': field '{name}' must be a number, found {v.GetRawText()}.");
        }

        return v.GetDouble();
    }

    public static string? String(JsonElement obj, string name)
        => obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>An integer or an array of integers (e.g. <c>eos_token_id</c>).</summary>
    public static IReadOnlyList<int> Ints(JsonElement obj, string name, string file)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var single))
        {
            return [single];
        }

        if (v.ValueKind == JsonValueKind.Array)
        {
            var list = new List<int>();
            foreach (var e in v.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var i))
                {
                    throw new ModelLoadException($"'{file}': field '{name}' must hold integers, found {e.GetRawText()}.");
                }

                list.Add(i);
            }

            return list;
        }

        throw new ModelLoadException($"'{file}': field '{name}' must be an integer or an array of integers, found {v.GetRawText()}.");
    }
}
