namespace HeteroAgents.Inference.Hub;

/// <summary>Progress of a pull, reported per chunk written.</summary>
/// <param name="File">The file being downloaded.</param>
/// <param name="FileBytes">Bytes of this file present locally so far.</param>
/// <param name="FileSize">This file's size, if known.</param>
/// <param name="FileIndex">Zero-based index of the file.</param>
/// <param name="FileCount">Files in the pull.</param>
public sealed record DownloadProgress(string File, long FileBytes, long? FileSize, int FileIndex, int FileCount);
