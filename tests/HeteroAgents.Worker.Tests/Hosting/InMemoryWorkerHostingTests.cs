using HeteroAgents.Testing.Tasks;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Tests.Support;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Worker.Tests.Hosting;

/// <summary>In-process hosting as the orchestrator does it: the shared messaging wiring on the in-memory transport, all four consumers.</summary>
public sealed class InMemoryWorkerHostingTests
{
    [Fact]
    public async Task All_four_task_types_are_served_in_process_on_the_in_memory_transport()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = server.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
        });
        builder.Services.AddHeteroMessaging(builder.Configuration, x => x.AddHeteroTaskConsumers());
        builder.Services.AddHeteroWorker(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();

            async Task<ITaskOutcome> Ask<TTask>(TTask task)
                where TTask : class, ITaskMessage
            {
                var client = bus.CreateRequestClient<TTask>(new Uri("queue:" + task.Type.QueueName()));
                var response = await client.GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(task);
                return (ITaskOutcome)response.Message;
            }

            var outcomes = new[]
            {
                await Ask(SampleTasks.Classify()),
                await Ask(SampleTasks.Extract()),
                await Ask(SampleTasks.ToolCall()),
                await Ask(SampleTasks.Summarize()),
            };

            Assert.All(outcomes, o => Assert.Equal("slm:fake-slm", Assert.IsType<TaskCompleted>(o).ServedBy));
            Assert.Equal([TaskType.Classify, TaskType.Extract, TaskType.ToolCall, TaskType.Summarize], outcomes.Select(o => o.TaskType));
            Assert.Equal(4, server.RequestCount);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
