namespace HeteroAgents.Inference.Hub;

/// <summary>A repository revision as listed by the hub.</summary>
/// <param name="Repository">owner/name.</param>
/// <param name="Commit">The commit the revision resolved to.</param>
/// <param name="Files">Its files.</param>
public sealed record HubModelInfo(string Repository, string? Commit, IReadOnlyList<HubFile> Files);
