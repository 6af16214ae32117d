namespace HeteroAgents.Inference.Hub;

/// <summary>A model in the local cache.</summary>
/// <param name="Repository">owner/name.</param>
/// <param name="Revision">The revision pulled (branch, tag or commit).</param>
/// <param name="Commit">The commit it resolved to, if the hub said.</param>
/// <param name="Directory">The folder holding the files.</param>
/// <param name="Files">The files pulled.</param>
public sealed record LocalModel(string Repository, string Revision, string? Commit, string Directory, IReadOnlyList<HubFile> Files)
{
    /// <summary>The decoder export chosen for this machine when the pull had no include patterns (e.g. <c>onnx/model_q4.onnx</c>).</summary>
    public string? OnnxFile { get; init; }

    /// <summary>The GGUF model chosen (its first part when split) when the pull had no include patterns and the repository has GGUF files and no ONNX export.</summary>
    public string? GgufFile { get; init; }

    /// <summary>Total bytes of the files.</summary>
    public long TotalBytes => Files.Sum(f => f.Size ?? 0);
}
