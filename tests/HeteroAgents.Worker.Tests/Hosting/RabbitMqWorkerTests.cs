using HeteroAgents.Testing.Tasks;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Testing.Processes;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Tests.Support;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Worker.Tests.Hosting;

/// <summary>
/// The worker on the real RabbitMQ broker (HETERO_TEST_RABBITMQ_*; fails, never skips, when it is down), each test in
/// its own virtual host so it never takes messages from other suites using the same queue names.
/// </summary>
public sealed class RabbitMqWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<IHost> StartHostAsync(RabbitMqTestSettings broker, Action<IBusRegistrationConfigurator> consumers, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(broker.ToConfiguration()).AddInMemoryCollection(settings);
        builder.Services.AddHeteroMessaging(builder.Configuration, consumers);
        builder.Services.AddHeteroWorker(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task Consumer_on_real_rabbitmq_answers_a_request_from_a_durable_kebab_case_queue()
    {
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-worker-test");
        await using var server = FakeOpenAiCompatibleServer.Start();
        using var host = await StartHostAsync(vhost.Settings, x => x.AddHeteroTaskConsumers(TaskType.Classify), new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = server.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
        });
        try
        {
            var client = host.Services.GetRequiredService<IBus>().CreateRequestClient<ClassifyTask>(new Uri("queue:hetero-classify"), RequestTimeout.After(s: 30));
            var task = SampleTasks.Classify("My parcel never arrived, where is the shipping update?");

            var response = await client.GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(task);

            Assert.True(response.Is(out Response<TaskCompleted>? completed), $"expected completed, got {response.Message}");
            Assert.Equal(task.TaskId, completed!.Message.TaskId);
            Assert.Equal("shipping", completed.Message.Result.GetProperty("label").GetString());
            Assert.Equal("slm:fake-slm", completed.Message.ServedBy);
            var queue = await vhost.GetQueueAsync("hetero-classify");
            Assert.NotNull(queue);
            Assert.True(queue.Value.GetProperty("durable").GetBoolean());
            Assert.Equal("classic", queue.Value.GetProperty("type").GetString());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Unparseable_message_goes_to_the_error_queue()
    {
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-worker-test");
        using var host = await StartHostAsync(vhost.Settings, x => x.AddHeteroTaskConsumers(TaskType.Classify), new Dictionary<string, string?>
        {
            ["Hetero:Messaging:RetryLimit"] = "1",
            ["Hetero:Worker:BackendRetryIntervalMs"] = "10",
        });
        try
        {
            await vhost.PublishRawAsync("hetero-classify", "{ this is not json", "application/vnd.masstransit+json");

            Assert.True(await vhost.WaitForMessageCountAsync("hetero-classify_error", 1, Patience), "the poison message did not reach hetero-classify_error");
            Assert.True(await vhost.WaitForMessageCountAsync("hetero-classify", 0, Patience), "the poison message stayed on hetero-classify");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Quorum_queues_are_declared_when_configured()
    {
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-worker-test");
        using var host = await StartHostAsync(vhost.Settings, x => x.AddHeteroTaskConsumers(TaskType.Extract), new Dictionary<string, string?>
        {
            ["Hetero:Messaging:RabbitMq:UseQuorumQueues"] = "true",
        });
        try
        {
            var queue = await vhost.GetQueueAsync("hetero-extract");

            Assert.NotNull(queue);
            Assert.Equal("quorum", queue.Value.GetProperty("type").GetString());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Worker_process_serves_its_queue_and_stops_cleanly_on_sigterm()
    {
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-worker-test");
        await using var server = FakeOpenAiCompatibleServer.Start();
        var environment = new Dictionary<string, string>(vhost.Settings.ToEnvironment())
        {
            ["HETERO__SLM__ENDPOINT"] = server.BaseAddress.ToString(),
        };
        await using var worker = WorkerProcess.Start(WorkerHostBuild.Dll, ["--task", "tool_call", "--model", "fake-slm"], environment);
        await worker.WaitForOutputAsync("Application started", Patience);

        using var client = await StartHostAsync(vhost.Settings, _ => { }, new Dictionary<string, string?>());
        try
        {
            var request = client.Services.GetRequiredService<IBus>().CreateRequestClient<ToolCallTask>(new Uri("queue:hetero-tool-call"), RequestTimeout.After(s: 30));
            var response = await request.GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(SampleTasks.ToolCall("Where is order 981? Please track_order it."));

            Assert.True(response.Is(out Response<TaskCompleted>? completed), $"expected completed, got {response.Message}\n{worker.Output}");
            Assert.Equal("track_order", completed!.Message.Result.GetProperty("name").GetString());
            Assert.Equal("slm:fake-slm", completed.Message.ServedBy);
        }
        finally
        {
            await client.StopAsync();
        }

        Assert.Equal(0, await worker.StopAsync(Patience));
        Assert.Contains("Application is shutting down", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_lets_the_in_flight_task_finish_before_the_process_exits()
    {
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-worker-test");
        await using var server = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { ResponseDelay = TimeSpan.FromSeconds(2) });
        var environment = new Dictionary<string, string>(vhost.Settings.ToEnvironment())
        {
            ["HETERO__SLM__ENDPOINT"] = server.BaseAddress.ToString(),
        };
        await using var worker = WorkerProcess.Start(WorkerHostBuild.Dll, ["--task", "summarize"], environment);
        await worker.WaitForOutputAsync("Application started", Patience);

        using var client = await StartHostAsync(vhost.Settings, _ => { }, new Dictionary<string, string?>());
        try
        {
            var request = client.Services.GetRequiredService<IBus>().CreateRequestClient<SummarizeTask>(new Uri("queue:hetero-summarize"), RequestTimeout.After(s: 30));
            var pending = request.GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(SampleTasks.Summarize());
            while (server.RequestCount == 0)
            {
                await Task.Delay(20);
            }

            // The model call is in flight (the fake server holds it for 2 s): stop the worker now.
            var stopping = worker.StopAsync(Patience);
            var response = await pending;

            Assert.True(response.Is(out Response<TaskCompleted>? completed), $"expected completed, got {response.Message}\n{worker.Output}");
            Assert.Equal("The customer ordered a blue kettle on Monday. It arrived", completed!.Message.Result.GetProperty("summary").GetString());
            Assert.Equal(0, await stopping);
        }
        finally
        {
            await client.StopAsync();
        }
    }

    [Fact]
    public async Task Every_task_of_a_burst_gets_exactly_one_outcome()
    {
        const int count = 200;
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-worker-test");
        await using var server = FakeOpenAiCompatibleServer.Start();
        var store = new OutcomeCollector.Store();
        using var host = await StartHostAsync(vhost.Settings, x =>
        {
            x.AddHeteroTaskConsumers(TaskType.Classify);
            x.AddSingleton(store);
            x.AddConsumer<OutcomeCollector>();
        }, new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = server.BaseAddress.ToString(),
        });
        try
        {
            // Every tenth task has a single label: it fails with invalid_input; the rest complete.
            var tasks = Enumerable.Range(0, count)
                .Select(i => i % 10 == 0 ? SampleTasks.Classify($"ticket {i}", $"t{i}", "only") : SampleTasks.Classify($"ticket {i} asks for a refund", $"t{i}"))
                .ToList();
            var bus = host.Services.GetRequiredService<IBus>();
            await Task.WhenAll(tasks.Select(t => bus.Publish(t)));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (store.All.Count < count)
            {
                await Task.Delay(50, timeout.Token);
            }

            await Task.Delay(500); // room for duplicates to show up
            var outcomes = store.All.ToList();
            Assert.Equal(count, outcomes.Count);
            Assert.Equal(tasks.Select(t => t.TaskId).Order(), outcomes.Select(o => o.TaskId).Order());
            Assert.Equal(count / 10, outcomes.OfType<TaskFailed>().Count());
            Assert.All(outcomes.OfType<TaskCompleted>(), c => Assert.Equal("refund", c.Result.GetProperty("label").GetString()));
            Assert.Equal(count - (count / 10), outcomes.OfType<TaskCompleted>().Count());
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
