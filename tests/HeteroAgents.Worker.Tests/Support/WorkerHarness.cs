using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Worker.Hosting;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Worker.Tests.Support;

/// <summary>The worker pipeline and task consumers on MassTransit's in-memory test harness, with a chosen chat backend.</summary>
internal sealed class WorkerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private WorkerHarness(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Harness = harness;
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _provider;

    /// <summary>Starts a harness whose backend is <paramref name="chat"/> (null: the configured backend).</summary>
    public static async Task<WorkerHarness> StartAsync(IChatClient? chat, IDictionary<string, string?>? settings = null, params TaskType[] types)
    {
        var values = new Dictionary<string, string?>
        {
            ["Hetero:Worker:BackendRetryIntervalMs"] = "10",
            ["Hetero:Messaging:RetryLimit"] = "2",
        };
        if (chat is not null)
        {
            values["Hetero:Slm:Backend"] = "scripted";
            values["Hetero:Slm:Model"] = "scripted-model";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<HeteroAgents.Messaging.MessagingOptions>().Bind(configuration.GetSection(HeteroAgents.Messaging.MessagingOptions.SectionName));
        services.AddHeteroWorker(configuration);
        if (chat is not null)
        {
            services.AddHeteroChatBackend("scripted", (_, _) => chat);
        }

        services.AddMassTransitTestHarness(x => x.AddHeteroTaskConsumers(types));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(20);
        await harness.Start();
        return new WorkerHarness(provider, harness);
    }

    /// <summary>Publishes <paramref name="task"/> and returns the one outcome published for it.</summary>
    public async Task<ITaskOutcome> RunAsync<TTask>(TTask task)
        where TTask : class, ITaskMessage
    {
        await Harness.Bus.Publish(task);
        var outcomes = await WaitForOutcomesAsync<TTask>(task.TaskId);
        Assert.Single(outcomes);
        return outcomes[0];
    }

    /// <summary>
    /// Waits until the consumer has finished a delivery of the task without fault and at least one outcome was
    /// published, then returns every outcome published for it (so a test can check there is exactly one).
    /// </summary>
    public async Task<IReadOnlyList<ITaskOutcome>> WaitForOutcomesAsync<TTask>(Guid taskId)
        where TTask : class, ITaskMessage
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var finished = Harness.Consumed.Select<TTask>(m => m.Context.Message.TaskId == taskId && m.Exception is null).Any();
            var outcomes = Outcomes(taskId);
            if (finished && outcomes.Count > 0)
            {
                return outcomes;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>The outcomes published so far for <paramref name="taskId"/>.</summary>
    public IReadOnlyList<ITaskOutcome> Outcomes(Guid taskId)
    {
        var completed = Harness.Published.Select<TaskCompleted>(m => m.Context.Message.TaskId == taskId).Select(m => (ITaskOutcome)m.Context.Message);
        var escalated = Harness.Published.Select<TaskEscalated>(m => m.Context.Message.TaskId == taskId).Select(m => (ITaskOutcome)m.Context.Message);
        var failed = Harness.Published.Select<TaskFailed>(m => m.Context.Message.TaskId == taskId).Select(m => (ITaskOutcome)m.Context.Message);
        return [.. completed, .. escalated, .. failed];
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
