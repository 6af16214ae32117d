using System.Diagnostics;

namespace HeteroAgents.Testing.Processes;

/// <summary>
/// The built <c>hetero-worker.dll</c> of <c>workers/HeteroAgents.Worker.Host</c>, for tests that start real worker
/// processes. No test project references the executable (tests reference the HeteroAgents.Worker library); the host is
/// built with the solution (<c>bash scripts/test.sh</c> builds <c>HeteroAgents.sln</c> first) and located in its
/// <c>bin/&lt;configuration&gt;</c> folder, in the configuration the tests run in. When it is missing (a single test project
/// built on its own) it is built once, under a lock so that test projects running side by side do not build it twice.
/// </summary>
public static class WorkerHostBuild
{
    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>The path of <c>hetero-worker.dll</c>, building the host first if it was not built.</summary>
    /// <exception cref="InvalidOperationException">The repository root was not found, or the build failed.</exception>
    public static string Dll => Located.Value;

    private static string Locate()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = RepositoryRoot(here)
            ?? throw new InvalidOperationException($"HeteroAgents.sln not found above {here}; run the tests from the repository.");
        var project = Path.Combine(root, "workers", "HeteroAgents.Worker.Host");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "hetero-worker.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        using (Lock(Path.Combine(project, "obj", ".test-build.lock")))
        {
            if (!File.Exists(dll))
            {
                Build(project, configuration);
            }
        }

        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing after building {project}.");
    }

    private static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeteroAgents.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static void Build(string project, string configuration)
    {
        var info = new ProcessStartInfo("dotnet", ["build", project, "-c", configuration, "-nologo", "-v:q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} -c {configuration} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }

    private static FileStream Lock(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
