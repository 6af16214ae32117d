using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Worker.Tests.Hosting;

/// <summary>A model file that cannot be served stops the worker at start, naming the file (exit code 1).</summary>
public sealed class SlmModelWarmupTests
{
    private static async Task<(int ExitCode, string? Failure)> RunAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHeteroWorker(builder.Configuration);
        using var host = builder.Build();
        var warmup = host.Services.GetRequiredService<SlmModelWarmup>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exitCode = await host.RunWorkerAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the worker did not stop by itself");
        return (exitCode, warmup.Failure);
    }

    [Fact]
    public async Task An_onnx_folder_of_an_unsupported_architecture_stops_the_worker_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("hetero-bad-arch-").FullName;
        try
        {
            var config = Path.Combine(dir, "config.json");
            await File.WriteAllTextAsync(config, """{"model_type":"bert","hidden_size":8,"num_attention_heads":2,"num_hidden_layers":1,"vocab_size":16}""");

            var (exitCode, failure) = await RunAsync(new() { ["Hetero:Slm:Backend"] = "onnx", ["Hetero:Slm:ModelPath"] = dir });

            Assert.Equal(1, exitCode);
            Assert.Contains(config, failure, StringComparison.Ordinal);
            Assert.Contains("'bert' is not a supported architecture", failure, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_gguf_path_that_is_not_a_gguf_file_stops_the_worker_naming_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hetero-not-gguf-{Guid.NewGuid():N}.gguf");
        await File.WriteAllTextAsync(file, "<html>a login page saved instead of the model</html>");
        try
        {
            var (exitCode, failure) = await RunAsync(new() { ["Hetero:Slm:Backend"] = "llamasharp", ["Hetero:Slm:ModelPath"] = file });

            Assert.Equal(1, exitCode);
            Assert.Contains($"'{file}' is not a GGUF file", failure, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_worker_without_an_in_process_model_runs_until_stopped_with_exit_code_0()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddHeteroWorker(builder.Configuration);
        using var host = builder.Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var run = host.RunWorkerAsync();
        await Task.Delay(200);
        Assert.False(run.IsCompleted);

        lifetime.StopApplication();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
