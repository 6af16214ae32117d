using HeteroAgents.Contracts;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Tests.Hosting;
using HeteroAgents.Worker.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Worker.Tests.Routing;

public sealed class RoutingPolicyProviderTests
{
    private static Task<Exception?> StartAsync(IDictionary<string, string?> settings) => WorkerServiceCollectionExtensionsTests.StartAsync(settings);

    [Fact]
    public void Without_a_source_the_built_in_policy_applies()
    {
        var provider = RoutingTestPolicies.Provider();

        Assert.Same(RoutingPolicy.BuiltIn, provider.Current);
        Assert.False(provider.CanReload);
    }

    [Theory]
    [InlineData("""{"version":"1","defaults":{"clasify":{}}}""", ": defaults.clasify: unknown task type 'clasify'")]
    [InlineData("""{"version":"1","workloads":{"w":{"extract":{"min_confidence":7}}}}""", ": workloads.w.extract.min_confidence: 7 is outside [0, 1]")]
    [InlineData("""{"version":""", ": line 1, position")]
    public async Task A_bad_policy_file_stops_the_worker_at_start_naming_the_setting_and_the_key(string json, string expected)
    {
        var path = RoutingTestPolicies.WriteFile(json);

        var error = await StartAsync(new Dictionary<string, string?> { ["Hetero:Routing:PolicyFile"] = path });

        Assert.NotNull(error);
        Assert.Contains($"Hetero:Routing:PolicyFile '{path}'{expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hetero:Routing:PolicyFile", "/no/such/policy.json", "Hetero:Routing:PolicyFile '/no/such/policy.json': the file does not exist")]
    // A Redis key makes the worker open Hetero:Redis; a key that is absent (or a Redis that cannot be reached) stops it naming the setting.
    [InlineData("Hetero:Routing:PolicyRedisKey", "hetero-test:no-such-policy", "Hetero:Routing:PolicyRedisKey 'hetero-test:no-such-policy': ")]
    [InlineData("Hetero:Routing:ReloadSeconds", "0", "ReloadSeconds")]
    public async Task Bad_routing_settings_stop_the_worker_at_start(string key, string value, string expected)
    {
        var error = await StartAsync(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expected, error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_policy_file_starts()
    {
        var path = RoutingTestPolicies.WriteFile("""{"version":"ok","defaults":{"extract":{"min_confidence":0.6}}}""");

        Assert.Null(await StartAsync(new Dictionary<string, string?> { ["Hetero:Routing:PolicyFile"] = path }));
    }

    [Fact]
    public async Task A_running_worker_picks_up_a_new_valid_policy_and_keeps_its_policy_when_the_new_one_is_bad()
    {
        var path = RoutingTestPolicies.WriteFile("""{"version":"v1"}""");
        var time = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddHeteroWorker(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Routing:PolicyFile"] = path,
            ["Hetero:Routing:ReloadSeconds"] = "5",
        }).Build());
        await using var provider = services.BuildServiceProvider();
        var policies = provider.GetRequiredService<RoutingPolicyProvider>();
        var reloader = provider.GetServices<IHostedService>().OfType<RoutingPolicyReloader>().Single();
        await reloader.StartAsync(CancellationToken.None);

        Assert.Equal("v1", policies.Current.Version);
        await File.WriteAllTextAsync(path, """{"version":"v2","defaults":{"classify":{"min_confidence":0.9}}}""");
        Assert.Equal("v2", await AfterAsync(time, TimeSpan.FromSeconds(5), () => policies.Current.Version, "v2"));
        Assert.Equal(0.9, policies.Current.Resolve(null, TaskType.Classify).MinConfidence);

        await File.WriteAllTextAsync(path, """{"version":"v3","defaults":{"classify":{"min_confidence":9}}}""");
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.Equal("v2", policies.Current.Version);
        Assert.False(policies.Reload()); // the same bad document is not applied, nor reported again

        File.Delete(path);
        Assert.False(policies.Reload());
        Assert.Equal("v2", policies.Current.Version);

        await reloader.StopAsync(CancellationToken.None);
    }

    // Advances fake time by one step at a time until read() returns the expected value (the reload runs on a background task).
    private static async Task<string> AfterAsync(FakeTimeProvider time, TimeSpan step, Func<string> read, string expected)
    {
        for (var i = 0; i < 50 && read() != expected; i++)
        {
            time.Advance(step);
            await Task.Delay(50);
        }

        return read();
    }
}
