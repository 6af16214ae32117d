using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.Routing;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Routing;

/// <summary>
/// The routing goals on the RabbitMQ fleet: the labelled routing-quality batch, answered by the simulated SLM, through
/// real RabbitMQ with one hetero-worker OS process per task type reading a routing policy file, job state in real
/// Redis. No unsure or hallucinated answer completes, the right and confident ones do, every line echoes the policy the
/// worker processes read, and each task ends as it does in-process.
/// </summary>
public sealed class RoutingOverRabbitMqTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-it-routing-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_fleet_routes_the_labelled_batch_as_the_in_process_run_does()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var cases = RoutingQualityCases.Create(perType: 20, seed: 5);
        await using var slm = SimulatedSlm.Start(cases);
        var policy = Path.Combine(_directory, "policy.json");
        await File.WriteAllTextAsync(policy, RoutingPolicy.BuiltIn.ToJson().Replace(RoutingPolicy.BuiltInVersion, "fleet-test-1", StringComparison.Ordinal), timeout.Token);
        var input = Path.Combine(_directory, "routing.jsonl");
        await RoutingQualityCases.WriteBatchAsync(cases, input, timeout.Token);

        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-test-routing");
        await using var redis = await RedisTestStore.CreateAsync();
        await using var workers = new WorkerProcesses();
        var environment = new Dictionary<string, string>(vhost.Settings.ToEnvironment())
        {
            ["HETERO__SLM__ENDPOINT"] = slm.BaseAddress.ToString(),
            ["HETERO__SLM__MODEL"] = "simulated-slm",
            ["HETERO__ROUTING__POLICYFILE"] = policy,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var type in TaskTypes.All)
        {
            workers.Start(type, environment);
        }

        var fleetOut = Path.Combine(_directory, "fleet.jsonl");
        using var fleetErr = new StringWriter();
        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", fleetOut, "--transport", "rabbitmq", "--no-progress"],
            new CliContext
            {
                Out = TextWriter.Null,
                Error = fleetErr,
                Interactive = false,
                Configuration = new Dictionary<string, string?>(vhost.Settings.ToConfiguration())
                {
                    ["Hetero:Batch:Store"] = "Redis",
                    ["Hetero:Redis:Configuration"] = redis.Configuration,
                    ["Hetero:Redis:KeyPrefix"] = redis.KeyPrefix,
                },
            }, timeout.Token);
        workers.EnsureRunning();
        Assert.True(exit == 0, $"exit {exit}\n{fleetErr}\n{workers.Log}");

        var fleet = RoutingQualityScore.ReadOutput(fleetOut);
        var rows = RoutingQualityScore.Score(cases, fleet);
        output.WriteLine(RoutingQualityScore.ToMarkdown(rows));
        Assert.Equal(cases.Count, fleet.Count);
        Assert.All(rows, r => Assert.Equal(0, r.WrongCompleted));
        Assert.All(rows, r => Assert.True(r.RightConfidentCompletedShare >= 0.95, $"{r.Task}: {r.RightConfidentCompleted}/{r.RightConfident}"));
        Assert.All(fleet, l => Assert.Equal("fleet-test-1", l.Routing?.PolicyVersion));

        var inProcessOut = Path.Combine(_directory, "in-process.jsonl");
        using var inProcessErr = new StringWriter();
        exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", inProcessOut, "--no-progress"],
            new CliContext
            {
                Out = TextWriter.Null,
                Error = inProcessErr,
                Interactive = false,
                Configuration = new Dictionary<string, string?>
                {
                    ["Hetero:Messaging:Transport"] = "InMemory",
                    ["Hetero:Batch:Store"] = "InMemory",
                    ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(),
                    ["Hetero:Slm:Model"] = "simulated-slm",
                    ["Hetero:Routing:PolicyFile"] = policy,
                },
            }, timeout.Token);
        Assert.True(exit == 0, inProcessErr.ToString());
        var inProcess = RoutingQualityScore.ReadOutput(inProcessOut).ToDictionary(l => l.CustomId, StringComparer.Ordinal);
        Assert.All(fleet, l => Assert.Equal(
            (inProcess[l.CustomId].Status, inProcess[l.CustomId].Escalation?.Reason, inProcess[l.CustomId].Routing?.Threshold),
            (l.Status, l.Escalation?.Reason, l.Routing?.Threshold)));
    }
}
