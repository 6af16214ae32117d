namespace HeteroAgents.Inference.Hub;

/// <summary>One file of a hub repository revision, with what the hub says about its content.</summary>
/// <param name="Path">Path inside the repository.</param>
/// <param name="Size">Size in bytes, if known.</param>
/// <param name="Sha256">SHA-256 of the content (hex) for LFS files.</param>
/// <param name="GitBlobId">Git blob id (SHA-1 of <c>"blob {size}\0" + content</c>) for small files.</param>
public sealed record HubFile(string Path, long? Size, string? Sha256, string? GitBlobId);
