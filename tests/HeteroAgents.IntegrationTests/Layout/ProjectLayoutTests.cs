using System.Text.Json;
using System.Xml.Linq;

namespace HeteroAgents.IntegrationTests.Layout;

/// <summary>
/// The project boundaries docs/ARCHITECTURE.md describes, checked on the repository's project files: no project references
/// an executable (executables are thin hosts over libraries), and the plugin package an app imports pulls in neither Redis,
/// ONNX Runtime, Semantic Kernel nor the Agent Framework (those come with the adapters and the worker library).
/// </summary>
public sealed class ProjectLayoutTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeteroAgents.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HeteroAgents.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> Projects() =>
        Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"));

    private static bool IsExe(string project) =>
        XDocument.Load(project).Descendants("OutputType").Any(e => string.Equals(e.Value.Trim(), "Exe", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void No_project_references_an_executable()
    {
        var offenders = new List<string>();
        foreach (var project in Projects())
        {
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)));
                if (IsExe(target))
                {
                    offenders.Add($"{Path.GetRelativePath(Root, project)} -> {Path.GetRelativePath(Root, target)}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "ProjectReference to an executable: " + string.Join("; ", offenders));
        Assert.Contains(Projects(), IsExe); // the check looked at the hosts
    }

    [Fact]
    public void The_plugin_package_pulls_in_no_redis_onnx_semantic_kernel_or_agent_framework()
    {
        var assets = Path.Combine(Root, "plugins", "HeteroAgents.Plugins", "obj", "project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        var closure = document.RootElement.GetProperty("targets").EnumerateObject().First().Value.EnumerateObject()
            .Select(p => p.Name.Split('/')[0]).ToList();

        Assert.Contains("HeteroAgents.Frontier", closure);
        foreach (var forbidden in new[] { "StackExchange.Redis", "Microsoft.ML.OnnxRuntime", "Microsoft.SemanticKernel.Core", "Microsoft.Agents.AI", "HeteroAgents.Flywheel", "HeteroAgents.Flywheel.Collect", "HeteroAgents.Redis", "HeteroAgents.Inference" })
        {
            Assert.DoesNotContain(forbidden, closure);
        }
    }
}
