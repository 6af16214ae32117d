using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.ServiceDefaults;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace HeteroAgents.Orchestrator.Tests.Telemetry;

/// <summary>
/// One task's trace across orchestrator → RabbitMQ → worker → model: the orchestrator's send and the worker's consume and
/// model-call spans share one TraceId, linked through the W3C trace context MassTransit carries in the message headers.
/// Orchestrator and worker are separate hosts (separate buses and tracer providers) on the real broker.
/// </summary>
public sealed class TracePropagationTests(ITestOutputHelper output)
{
    private static readonly ActivitySource Source = new("HeteroAgents.Tests.Orchestrator");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Worker_consume_and_model_call_spans_continue_the_orchestrators_trace()
    {
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-trace-test");
        await using var server = FakeOpenAiCompatibleServer.Start();
        var orchestratorSpans = new List<Activity>();
        var workerSpans = new List<Activity>();
        using var worker = await StartAsync(vhost.Settings, workerSpans, new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = server.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
        }, worker: true);
        using var orchestrator = await StartAsync(vhost.Settings, orchestratorSpans, new Dictionary<string, string?>(), worker: false);
        try
        {
            var task = new ClassifyTask(TaskIds.Create("trace-batch", "t1"), "trace-batch", "t1",
                new ClassifyInput("My parcel never arrived, where is the shipping update?", ["refund", "shipping", "other"]));
            var sender = new BusTaskSender(orchestrator.Services.GetRequiredService<IBus>(), orchestrator.Services.GetRequiredService<IOptions<MessagingOptions>>());
            ActivityTraceId traceId;
            ActivitySpanId rootId;
            using (var root = Source.StartActivity("batch submit", ActivityKind.Internal))
            {
                Assert.NotNull(root);
                traceId = root.TraceId;
                rootId = root.SpanId;
                await sender.SendAsync(task, CancellationToken.None);
            }

            var model = await WaitForAsync(workerSpans, s => s.TraceId == traceId && s.OperationName.StartsWith("chat", StringComparison.Ordinal));
            // Parents are exported when they end, after their children: wait until the worker's receive span (the last hop) is in.
            await WaitForAsync(workerSpans, s => s.TraceId == traceId && s.Kind == ActivityKind.Consumer && s.HasRemoteParent);
            var all = Snapshot(orchestratorSpans).Concat(Snapshot(workerSpans)).DistinctBy(s => s.SpanId).ToDictionary(s => s.SpanId);
            var send = Assert.Single(all.Values, s => s.ParentSpanId == rootId && s.Kind == ActivityKind.Producer);
            Assert.Equal("MassTransit", send.Source.Name);
            Assert.Contains(Snapshot(orchestratorSpans), s => s.SpanId == send.SpanId);

            // Walk up from the model call: every parent must be a recorded span of the same trace, ending at the orchestrator's send.
            var chain = new List<Activity>();
            for (var span = model; span.SpanId != send.SpanId;)
            {
                Assert.Equal(traceId, span.TraceId);
                chain.Add(span);
                Assert.True(all.TryGetValue(span.ParentSpanId, out var parent),
                    $"span '{span.DisplayName}' has parent {span.ParentSpanId}, which no recorded span has; chain: {Describe(chain)}; recorded: {Describe(all.Values)}");
                span = parent!;
            }

            output.WriteLine("model call → send: " + Describe(chain) + " → " + Describe([send]));
            var consume = Assert.Single(chain, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.GetTagItem("hetero.task.id") is not null);
            Assert.Equal(task.TaskId.ToString(), consume.GetTagItem("hetero.task.id"));
            Assert.Equal("classify", consume.GetTagItem("hetero.task.type"));
            Assert.Equal("completed", consume.GetTagItem("hetero.task.outcome"));
            Assert.Equal("HeteroAgents.Worker", model.Source.Name);
            Assert.Contains(Snapshot(workerSpans), s => s.SpanId == consume.SpanId);
            // The hop from the send to the broker's delivery is a remote parent: it came over RabbitMQ in the message headers.
            var received = chain[^1];
            Assert.Equal(send.SpanId, received.ParentSpanId);
            Assert.True(received.HasRemoteParent, $"'{received.DisplayName}' should continue a remote parent (the message headers)");
        }
        finally
        {
            await orchestrator.StopAsync();
            await worker.StopAsync();
        }
    }

    private static async Task<IHost> StartAsync(RabbitMqTestSettings broker, List<Activity> spans, Dictionary<string, string?> settings, bool worker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(broker.ToConfiguration()).AddInMemoryCollection(settings);
        builder.Services.AddHeteroMessaging(builder.Configuration, x =>
        {
            if (worker)
            {
                x.AddHeteroTaskConsumers(TaskType.Classify);
            }
        });
        if (worker)
        {
            builder.Services.AddHeteroWorker(builder.Configuration);
        }

        builder.Services.AddHeteroServiceDefaults(builder.Configuration, worker ? "hetero-worker-classify" : "hetero-orchestrator",
            tracing: t => t.AddSource(Source.Name).AddInMemoryExporter(spans));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<Activity> WaitForAsync(List<Activity> spans, Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var found = Snapshot(spans).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no matching span within {Patience.TotalSeconds} s; recorded: {Describe(Snapshot(spans))}");
            await Task.Delay(100);
        }
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    private static string Describe(IEnumerable<Activity> spans) =>
        string.Join(", ", spans.Select(s => $"{s.Source.Name}:{s.DisplayName}({s.Kind})"));
}
