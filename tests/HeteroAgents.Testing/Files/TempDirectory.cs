namespace HeteroAgents.Testing.Files;

/// <summary>
/// A unique folder under the system's temporary folder, <c>hetero-{purpose}/{random}</c>: an instance deletes it on
/// dispose; <see cref="Create"/> makes one that lives as long as the test run (for models and fixtures shared by many tests).
/// </summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    /// <param name="purpose">Names the parent folder (e.g. <c>flywheel-tests</c>), so leftovers say where they came from.</param>
    public TempDirectory(string purpose = "tests") => Path = Create(purpose);

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Creates a folder that is not deleted by the tests (the system's temporary-file cleanup removes it).</summary>
    public static string Create(string purpose = "tests")
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hetero-" + purpose, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
