using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Worker.Tests.Support;

/// <summary>The worker's configured backend client (factory plus middleware) for given settings.</summary>
internal static class OpenAiBackend
{
    public static (ServiceProvider Provider, IChatClient Client) Create(Uri endpoint, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = endpoint.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHeteroWorker(configuration);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredKeyedService<IChatClient>(WorkerServiceKeys.ChatClient));
    }

    public static string ResolvedBackend(ServiceProvider provider) => provider.GetRequiredService<ChatBackendFactory>().ResolveBackendName();

    public static SlmOptions Options(ServiceProvider provider) =>
        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlmOptions>>().Value;
}
