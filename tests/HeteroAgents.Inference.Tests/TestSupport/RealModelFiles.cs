namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>
/// The real model metadata in <c>../shared/models-meta</c> (tokenizers, configs, chat templates of published models; no
/// weights), read where it lies and never copied into the repository, and the repository's own golden files.
/// </summary>
internal static class RealModelFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SmolLm2 => Folder("smollm2-135m-instruct");

    public static string Qwen3 => Folder("qwen3-0.6b-onnx-community-layout");

    /// <summary>A folder of <c>../shared/models-meta</c>; fails (never skips) when the shared data is missing.</summary>
    public static string Folder(string name)
    {
        var dir = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "models-meta", name));
        return System.IO.Directory.Exists(dir)
            ? dir
            : throw new DirectoryNotFoundException($"'{dir}' is missing: the shared model metadata must lie beside the repository (../shared/models-meta).");
    }

    /// <summary>A file of the test project's source tree (golden data), e.g. <c>Tokenization/Golden/corpus.json</c>.</summary>
    public static string TestData(string relative) => Path.Combine(RepositoryRoot, "tests", "HeteroAgents.Inference.Tests", relative);

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
