namespace HeteroAgents.Inference.Models;

/// <summary>The parts of <c>generation_config.json</c> the runtime uses as defaults.</summary>
public sealed record GenerationDefaults
{
    /// <summary>End-of-sequence ids (one or several).</summary>
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];

    /// <summary><c>bos_token_id</c>.</summary>
    public int? BosTokenId { get; init; }

    /// <summary><c>temperature</c>.</summary>
    public double? Temperature { get; init; }

    /// <summary><c>top_p</c>.</summary>
    public double? TopP { get; init; }

    /// <summary><c>top_k</c>.</summary>
    public int? TopK { get; init; }

    /// <summary>Reads the file if present; an absent file gives empty defaults.</summary>
    public static GenerationDefaults Load(string path)
    {
        if (!File.Exists(path))
        {
            return new GenerationDefaults();
        }

        using var doc = JsonFile.Read(path);
        var root = doc.RootElement;
        var file = Path.GetFileName(path);
        return new GenerationDefaults
        {
            EosTokenIds = JsonFile.Ints(root, "eos_token_id", file),
            BosTokenId = JsonFile.Int(root, "bos_token_id", file),
            Temperature = JsonFile.Double(root, "temperature", file),
            TopP = JsonFile.Double(root, "top_p", file),
            TopK = JsonFile.Int(root, "top_k", file),
        };
    }
}
