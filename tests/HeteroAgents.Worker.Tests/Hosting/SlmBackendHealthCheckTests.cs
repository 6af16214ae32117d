using HeteroAgents.Testing.Models;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Worker.Tests.Hosting;

/// <summary>The worker's <c>slm-backend</c> readiness check with the real in-process ONNX backend (the project-built tiny model).</summary>
public sealed class SlmBackendHealthCheckTests
{
    private static async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHeteroWorker(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<HealthReportEntry> WaitForAsync(IHost host, Func<HealthReportEntry, bool> until)
    {
        var checks = host.Services.GetRequiredService<HealthCheckService>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var entry = (await checks.CheckHealthAsync(r => r.Name == SlmBackendHealthCheck.Name)).Entries[SlmBackendHealthCheck.Name];
            if (until(entry) || DateTime.UtcNow > deadline)
            {
                return entry;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Onnx_worker_turns_ready_once_the_warmup_has_loaded_the_model()
    {
        using var host = await StartAsync(new() { ["Hetero:Slm:Model"] = TinyModels.Llama });
        try
        {
            var entry = await WaitForAsync(host, e => e.Status == HealthStatus.Healthy);

            Assert.Equal(HealthStatus.Healthy, entry.Status);
            Assert.Contains("onnx model loaded from", entry.Description, StringComparison.Ordinal);
            Assert.NotNull(host.Services.GetRequiredService<HeteroAgents.Worker.Backends.OnnxModelHost>().LoadedDirectory);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_model_folder_that_does_not_load_stays_unhealthy_with_the_reason()
    {
        var empty = Directory.CreateTempSubdirectory("hetero-empty-model-").FullName;
        try
        {
            using var host = await StartAsync(new() { ["Hetero:Slm:Backend"] = "onnx", ["Hetero:Slm:ModelPath"] = empty });
            try
            {
                var entry = await WaitForAsync(host, e => e.Description?.Contains("failed to load", StringComparison.Ordinal) == true);

                Assert.Equal(HealthStatus.Unhealthy, entry.Status);
                Assert.Contains("onnx model failed to load", entry.Description, StringComparison.Ordinal);
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Unconfigured_backend_is_degraded_not_unhealthy()
    {
        using var host = await StartAsync([]);
        try
        {
            var entry = await WaitForAsync(host, _ => true);

            Assert.Equal(HealthStatus.Degraded, entry.Status);
            Assert.Contains("every task escalates", entry.Description, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
