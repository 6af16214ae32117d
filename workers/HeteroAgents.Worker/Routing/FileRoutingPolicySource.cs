namespace HeteroAgents.Worker.Routing;

/// <summary>A routing policy in a JSON file (<see cref="RoutingOptions.PolicyFile"/>).</summary>
/// <param name="path">The file.</param>
public sealed class FileRoutingPolicySource(string path) : IRoutingPolicySource
{
    /// <inheritdoc />
    public string Name => $"{RoutingOptions.SectionName}:PolicyFile '{path}'";

    /// <inheritdoc />
    public string Read()
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new RoutingPolicySourceException(ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : $"the file cannot be read: {ex.Message}", ex);
        }
    }
}
