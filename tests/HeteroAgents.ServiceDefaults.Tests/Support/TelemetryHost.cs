using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.ServiceDefaults.Tests.Support;

/// <summary>A bare generic host with the service defaults and the given settings.</summary>
internal static class TelemetryHost
{
    public static IHost Build(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHeteroServiceDefaults(builder.Configuration, "hetero-test");
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
