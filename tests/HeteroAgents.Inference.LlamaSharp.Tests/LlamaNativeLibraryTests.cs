using System.Runtime.Intrinsics.X86;

namespace HeteroAgents.Inference.LlamaSharp.Tests;

/// <summary>
/// Choosing the llama.cpp build (<see cref="LlamaNativeLibrary"/>): a folder without one is named, a choice made after
/// llama.cpp has loaded is refused rather than silently ignored, and the loaded build reports its instruction sets.
/// Loading from a chosen folder needs a fresh process: <c>LlamaSharpNativeLibraryPathTests</c> in the worker's tests.
/// </summary>
public sealed class LlamaNativeLibraryTests
{
    [Fact]
    public void A_folder_without_a_llama_build_is_named()
    {
        var empty = Directory.CreateTempSubdirectory("hetero-llama-native-").FullName;
        try
        {
            var problem = LlamaNativeLibrary.Problem(empty);
            Assert.NotNull(problem);
            Assert.Contains(empty, problem, StringComparison.Ordinal);
            Assert.Contains(LlamaNativeLibrary.LlamaFileName, problem, StringComparison.Ordinal);

            var ex = Assert.Throws<ArgumentException>(() => LlamaNativeLibrary.Use(empty));
            Assert.Contains("Hetero:LlamaSharp:NativeLibraryPath", ex.Message, StringComparison.Ordinal);
            Assert.Contains("is not a folder", LlamaNativeLibrary.Problem(Path.Combine(empty, "missing")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void Choosing_a_build_after_llama_cpp_has_loaded_is_refused()
    {
        using (TinyGguf.Load(1))
        {
        }

        // Another of the package's builds: a real llama.cpp folder, but too late for this process.
        var other = PackageBuild("noavx");
        var ex = Assert.Throws<InvalidOperationException>(() => LlamaNativeLibrary.Use(other));
        Assert.Contains(Path.GetFullPath(other), ex.Message, StringComparison.Ordinal);
        Assert.Contains("before the first GGUF model loads", ex.Message, StringComparison.Ordinal);
        Assert.Null(LlamaNativeLibrary.Folder);
    }

    [Fact]
    public void The_loaded_build_reports_its_instruction_sets()
    {
        var info = LlamaNativeLibrary.SystemInfo();

        Assert.Contains("CPU", info, StringComparison.Ordinal);
        // LLamaSharp picks the package's build by the CPU's AVX level, so on an AVX2 machine the loaded one has AVX2.
        Assert.Equal(Avx2.IsSupported, info.Contains("AVX2 = 1", StringComparison.Ordinal));
    }

    /// <summary>One of the LLamaSharp.Backend.Cpu package's builds as copied beside the tests (linux-x64 layout).</summary>
    internal static string PackageBuild(string level)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", level);
        Assert.True(File.Exists(Path.Combine(folder, LlamaNativeLibrary.LlamaFileName)), $"no llama.cpp build at {folder}");
        return folder;
    }
}
