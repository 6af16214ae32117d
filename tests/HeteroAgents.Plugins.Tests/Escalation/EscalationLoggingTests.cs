using HeteroAgents.Plugins.SemanticKernel;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Plugins.Tests.Fakes;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.Tests.Escalation;

/// <summary>S1 on the plugin path: every escalation reaches the flywheel log, resolved by the frontier or not.</summary>
public sealed class EscalationLoggingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-plugin-flywheel-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Dictionary<string, string?> Settings(bool enabled = true) => new()
    {
        ["Hetero:Flywheel:Logging:DataDirectory"] = _directory,
        ["Hetero:Flywheel:Logging:Enabled"] = enabled ? "true" : "false",
        ["Hetero:Plugins:WorkloadId"] = "support-tickets",
    };

    private static KernelArguments ExtractArguments() => new()
    {
        ["text"] = SupportTicketScenario.Ticket,
        ["schema"] = SupportTicketScenario.OrderSchema,
    };

    private async Task<(Exception? Error, List<FrontierCallRecord> Log)> InvokeExtractAsync(
        ScriptedFrontierChatClient? frontier, bool enabled = true, IDictionary<string, string?>? transport = null)
    {
        Exception? error;
        var settings = Settings(enabled);
        foreach (var (key, value) in transport ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        await using (var host = await PluginTestHost.StartAsync(
            SupportTicketScenario.Slm(), frontier, settings,
            configureServices: s => s.AddFlywheel(),
            frontierPipeline: b => b.UseFlywheelLogging()))
        {
            var kernel = new Kernel();
            kernel.Plugins.AddHeteroAgents(host.Services);
            error = await Record.ExceptionAsync(() => kernel.InvokeAsync("hetero", "extract", ExtractArguments()));
        }

        // Disposing the host disposed the JSONL log: everything is on disk.
        return (error, Directory.Exists(_directory) ? await FrontierCallLogReader.ReadListAsync(_directory) : []);
    }

    [Fact]
    public async Task Without_a_frontier_the_escalation_that_surfaces_as_TaskEscalatedException_is_logged()
    {
        var (error, log) = await InvokeExtractAsync(frontier: null);

        var ex = Assert.IsType<TaskEscalatedException>(error);
        var record = Assert.Single(log);
        Assert.Equal(FrontierCallStatus.Escalated, record.Status);
        Assert.Equal(ex.Escalation.TaskId.ToString("D"), record.TaskId);
        Assert.Equal(("extract", "support-tickets"), (record.TaskType, record.WorkloadId));
        Assert.Equal(EscalationReason.SemanticInvalid, record.EscalationReason);
        Assert.Equal("""{"order_id":"Z-9999"}""", record.SlmOutput);
        Assert.Equal(SupportTicketScenario.Ticket, record.Input!.Value.GetProperty("text").GetString());
        Assert.Equal(CanonicalJson.Fingerprint(record.ResponseSchema), record.SchemaFingerprint);
        Assert.NotEqual("none", record.SchemaFingerprint);
        Assert.Contains(record.Messages, m => m.Role == "user" && m.Content.Contains("A-1234", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_frontier_the_escalation_and_the_resolving_call_are_logged_once_each_and_linked_by_task_id()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"order_id":"A-1234"}""") };

        var (error, log) = await InvokeExtractAsync(frontier);

        Assert.Null(error);
        Assert.Equal(2, log.Count);
        var escalation = Assert.Single(log, r => r.IsEscalation());
        var call = Assert.Single(log, r => !r.IsEscalation());
        Assert.NotNull(escalation.TaskId);
        Assert.Equal(escalation.TaskId, call.TaskId);
        Assert.Equal((FrontierCallStatus.Ok, EscalationReason.SemanticInvalid, "support-tickets"), (call.Status, call.EscalationReason, call.WorkloadId));
        Assert.Equal(escalation.SchemaFingerprint, call.SchemaFingerprint);
        Assert.Contains("A-1234", call.Output, StringComparison.Ordinal);
        Assert.Empty(EscalationLinks.Unresolved(log));
    }

    [Fact]
    public async Task Over_RabbitMQ_each_escalation_is_logged_once_and_linked_with_its_frontier_call()
    {
        await using var broker = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-plugins-test");
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"order_id":"A-1234"}""") };

        var (error, log) = await InvokeExtractAsync(frontier, transport: new Dictionary<string, string?>(broker.Settings.ToConfiguration()));

        Assert.Null(error);
        var escalation = Assert.Single(log, r => r.IsEscalation());
        var call = Assert.Single(log, r => !r.IsEscalation());
        Assert.Equal(2, log.Count);
        Assert.Equal(escalation.TaskId, call.TaskId);
        Assert.Equal(EscalationReason.SemanticInvalid, escalation.EscalationReason);
        Assert.Equal("""{"order_id":"Z-9999"}""", escalation.SlmOutput);
    }

    [Fact]
    public async Task With_logging_opted_out_nothing_is_written()
    {
        var (error, log) = await InvokeExtractAsync(frontier: null, enabled: false);

        Assert.IsType<TaskEscalatedException>(error);
        Assert.Empty(log);
        Assert.Empty(Directory.EnumerateFiles(_directory));
    }
}
