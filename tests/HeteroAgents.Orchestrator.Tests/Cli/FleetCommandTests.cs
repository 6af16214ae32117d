using System.Text.RegularExpressions;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero fleet status|up` against the real RabbitMQ management API, in a throwaway virtual host.</summary>
public sealed partial class FleetCommandTests : IAsyncLifetime
{
    private RabbitMqTestVirtualHost _vhost = null!;
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-fleet-").FullName;

    public async Task InitializeAsync() => _vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-cli-test");

    public async Task DisposeAsync()
    {
        await _vhost.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Status_shows_the_ready_messages_of_each_task_queue()
    {
        await _vhost.DeclareQueueAsync("hetero-classify");
        for (var i = 0; i < 3; i++)
        {
            await _vhost.PublishRawAsync("hetero-classify", "{}", "application/json");
        }

        await _vhost.WaitForReadyAsync("hetero-classify", 3);

        var result = await CliRunner.RunAsync(_vhost.Configuration, ["fleet", "status"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var classify = Assert.Single(result.Out.Split('\n'), l => l.StartsWith("classify ", StringComparison.Ordinal));
        Assert.Matches(@"^classify\s+hetero-classify\s+3\s+0\s+0\s", classify);
        Assert.Contains("hetero-extract (missing)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_refreshes_until_cancelled()
    {
        // Stopped (like Ctrl+C) once the second snapshot is printed; the ceiling only guards a hang.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stdout = new SignalingStringWriter("fleet status at ", stop, times: 2);
        using var stderr = new StringWriter();
        var context = new CliContext { Out = stdout, Error = stderr, Interactive = false, Configuration = _vhost.Configuration };

        var exit = await HeteroCli.RunAsync(["fleet", "status", "--watch", "--interval", "300ms"], context, stop.Token);

        Assert.True(exit == 0, stderr.ToString());
        Assert.True(SnapshotHeader().Matches(stdout.ToString()).Count >= 2, stdout.ToString());
        Assert.Contains("hetero-classify (missing)", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_a_reachable_management_api_fails_saying_so()
    {
        var configuration = new Dictionary<string, string?>(_vhost.Configuration) { ["Hetero:Messaging:RabbitMq:ManagementUri"] = "http://127.0.0.1:1/" };

        var result = await CliRunner.RunAsync(configuration, ["fleet", "status"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("127.0.0.1:1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_interval_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(_vhost.Configuration, ["fleet", "status", "--watch", "--interval", "soon"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--interval must be a positive duration", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_with_an_invalid_config_names_the_field_at_fault()
    {
        var config = Path.Combine(_directory, "fleet.json");
        await File.WriteAllTextAsync(config, """{ "workers": { "classify": { "min": 3, "max": 1 } } }""");

        var result = await CliRunner.RunAsync(_vhost.Configuration, ["fleet", "up", "--config", config]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.workers.classify.max", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_starts_the_minimum_workers_and_stops_them_on_cancel()
    {
        await _vhost.DeclareQueueAsync("hetero-classify");
        var config = Path.Combine(_directory, "fleet.json");
        await File.WriteAllTextAsync(config, """
            { "pollIntervalSeconds": 1, "shutdownTimeoutSeconds": 5,
              "workers": { "classify": { "min": 2, "max": 3, "command": "sleep", "args": ["60"] } } }
            """);
        // Stopped (like Ctrl+C) once the pool reports both workers running; the ceiling only guards a hang.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stdout = new StringWriter();
        using var stderr = new SignalingStringWriter("running=2", stop);
        var context = new CliContext { Out = stdout, Error = stderr, Interactive = false, Configuration = _vhost.Configuration };

        var exit = await HeteroCli.RunAsync(["fleet", "up", "--config", config], context, stop.Token);

        var error = stderr.ToString();
        Assert.True(exit == 0, error);
        Assert.Contains("task=classify  queue=hetero-classify  running=2", error, StringComparison.Ordinal);
        Assert.EndsWith("fleet stopped", error.TrimEnd(), StringComparison.Ordinal);
    }

    [GeneratedRegex("^fleet status at ", RegexOptions.Multiline)]
    private static partial Regex SnapshotHeader();
}
