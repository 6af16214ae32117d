using System.Text.Json;

namespace HeteroAgents.Inference.Models;

/// <summary>
/// The <c>transformers.js_config</c> object of an onnx-community <c>config.json</c>: which exports keep their weights in
/// external data files, and the KV-cache type of each dtype's graph.
/// </summary>
public sealed record TransformersJsConfig
{
    /// <summary>Per file name (e.g. <c>model_q4.onnx</c>), the number of external data chunks (0: inline).</summary>
    public IReadOnlyDictionary<string, int> ExternalData { get; init; } = new Dictionary<string, int>();

    /// <summary>Whether every export uses external data (<c>use_external_data_format: true</c>).</summary>
    public bool AllExternal { get; init; }

    /// <summary>Per dtype (e.g. <c>fp16</c>), the KV-cache element type (<c>float16</c>, <c>float32</c>).</summary>
    public IReadOnlyDictionary<string, string> KvCacheDType { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads the object (null when absent).</summary>
    internal static TransformersJsConfig? Read(JsonElement root, string path)
    {
        if (!root.TryGetProperty("transformers.js_config", out var c) || c.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var external = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = false;
        if (c.TryGetProperty("use_external_data_format", out var ext))
        {
            switch (ext.ValueKind)
            {
                case JsonValueKind.True:
                    all = true;
                    break;
                case JsonValueKind.Object:
                    foreach (var p in ext.EnumerateObject())
                    {
                        external[p.Name] = p.Value.ValueKind switch
                        {
                            JsonValueKind.True => 1,
                            JsonValueKind.False => 0,
                            JsonValueKind.Number when p.Value.TryGetInt32(out var n) && n >= 0 => n,
                            _ => throw new ModelLoadException($"'{path}': transformers.js_config.use_external_data_format.{p.Name} must be a boolean or a chunk count, found {p.Value.GetRawText()}."),
                        };
                    }

                    break;
            }
        }

        var kv = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.TryGetProperty("kv_cache_dtype", out var kvd))
        {
            if (kvd.ValueKind == JsonValueKind.String)
            {
                kv["*"] = kvd.GetString()!;
            }
            else if (kvd.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in kvd.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    kv[p.Name] = p.Value.GetString()!;
                }
            }
        }

        return new TransformersJsConfig { ExternalData = external, AllExternal = all, KvCacheDType = kv };
    }

    /// <summary>The external data files an export needs according to this config (empty when inline or unknown).</summary>
    public IReadOnlyList<string> ExpectedDataFiles(string exportFileName)
    {
        var chunks = ExternalData.TryGetValue(exportFileName, out var n) ? n : AllExternal ? 1 : 0;
        return [.. Enumerable.Range(0, chunks).Select(i => exportFileName + "_data" + (i == 0 ? string.Empty : "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
