namespace HeteroAgents.Fleet.Tests.Deployment;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Compose(params string[] parts) => Path.Combine([Root, "compose", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeteroAgents.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"HeteroAgents.sln not found above {AppContext.BaseDirectory}");
    }
}
