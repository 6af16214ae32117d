using HeteroAgents.Inference.LlamaSharp;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.Models;
using HeteroAgents.Testing.Processes;
using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Tests.Backends;

/// <summary>
/// <c>Hetero:LlamaSharp:NativeLibraryPath</c>: a worker process loads llama.cpp from the folder given (here the
/// package's no-AVX build, which LLamaSharp would never pick on its own on a machine with AVX2) and says so in its log,
/// and a folder without a llama.cpp build stops the worker at start naming the setting and the folder.
/// </summary>
public sealed class LlamaSharpNativeLibraryPathTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_worker_loads_llama_cpp_from_the_folder_given_and_logs_its_instruction_sets()
    {
        var folder = Path.Combine(Path.GetDirectoryName(WorkerHostBuild.Dll)!, "runtimes", "linux-x64", "native", "noavx");
        Assert.True(File.Exists(Path.Combine(folder, LlamaNativeLibrary.LlamaFileName)), $"no llama.cpp build at {folder}");
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-llama-native-test");
        var environment = new Dictionary<string, string>(vhost.Settings.ToEnvironment())
        {
            ["HETERO__LLAMASHARP__NATIVELIBRARYPATH"] = folder,
            ["HETERO__LLAMASHARP__THREADS"] = "1",
            ["HETERO__LLAMASHARP__CONTEXTSIZE"] = "512",
        };

        await using var worker = WorkerProcess.Start(WorkerHostBuild.Dll, ["--task", "classify", "--model", Path.Combine(TinyModels.LlamaWithGguf, "model.gguf")], environment);
        // The model loads in the start-up warm-up, which may finish after the host reports it started.
        await worker.WaitForOutputAsync("llama.cpp from ", Patience);
        await worker.WaitForOutputAsync("Application started", Patience);

        var line = worker.Output.Split('\n').Single(l => l.Contains("llama.cpp from ", StringComparison.Ordinal));
        Assert.Contains(Path.GetFullPath(folder), line, StringComparison.Ordinal);
        // The no-AVX build reports none of the AVX instruction sets the package's other builds are compiled for.
        Assert.DoesNotContain("AVX2 = 1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("AVX = 1", line, StringComparison.Ordinal);
        Assert.Equal(0, await worker.StopAsync(Patience));
    }

    [Fact]
    public void A_folder_without_a_llama_build_fails_at_start_naming_the_setting_and_the_folder()
    {
        var empty = Directory.CreateTempSubdirectory("hetero-llama-native-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hetero:LlamaSharp:NativeLibraryPath"] = empty,
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddHeteroWorker(configuration);
            using var provider = services.BuildServiceProvider();

            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LlamaSharpModelOptions>>().Value);
            Assert.Contains("Hetero:LlamaSharp:NativeLibraryPath", ex.Message, StringComparison.Ordinal);
            Assert.Contains(empty, ex.Message, StringComparison.Ordinal);
            Assert.Contains(LlamaNativeLibrary.LlamaFileName, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}
