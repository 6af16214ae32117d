using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.Fleet.Tests.Fakes;
using HeteroAgents.Fleet.Tests.Management;
using RabbitMQ.Client;

namespace HeteroAgents.Fleet.Tests.Supervision;

/// <summary>
/// The supervisor with everything real: the RabbitMQ management API, a real queue and real child processes
/// (<c>/bin/sh</c> standing in for hetero-worker; they do not consume, so the depth is what the test sets).
/// </summary>
public sealed class WorkerSupervisorLiveTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Grows_real_processes_toward_max_with_a_deep_real_queue_and_shrinks_when_it_drains()
    {
        var queue = $"fleet-test-scale-{Guid.NewGuid():N}";
        await using var connection = await LiveBroker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
        var launcher = new ProcessWorkerLauncher(TimeProvider.System, new RecordingLogger<ProcessWorkerLauncher>());
        var supervisor = new WorkerSupervisor(launcher, LiveBroker.NewClient(_http), TimeProvider.System, new RecordingLogger<WorkerSupervisor>());
        var config = new FleetConfig
        {
            PollInterval = TimeSpan.FromMilliseconds(250),
            ScaleUpCooldown = TimeSpan.Zero,
            ScaleDownCooldown = TimeSpan.FromSeconds(1),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            Workers =
            [
                new WorkerPoolConfig
                {
                    TaskType = TaskType.Extract,
                    Queue = queue,
                    Min = 1,
                    Max = 3,
                    TargetPerWorker = 10,
                    Command = "/bin/sh",
                    Args = ["-c", "trap 'exit 0' TERM; while true; do sleep 0.1; done"],
                },
            ],
        };
        using var cts = new CancellationTokenSource();
        var run = supervisor.RunAsync(config, cts.Token);
        try
        {
            await Until(() => supervisor.GetStatus()[0].Running == 1, "one worker at min");

            for (var i = 0; i < 45; i++)
            {
                await channel.BasicPublishAsync("", queue, new byte[] { 1 });
            }

            await Until(() => supervisor.GetStatus()[0].Running == 3, "three workers for 45 messages at 10 per worker (max 3)");
            var pids = supervisor.GetStatus()[0].ProcessIds;
            Assert.Equal(3, pids.Distinct().Count());
            Assert.All(pids, pid => Assert.False(System.Diagnostics.Process.GetProcessById(pid).HasExited));

            await channel.QueuePurgeAsync(queue);
            await Until(() => supervisor.GetStatus()[0].Running == 1, "back to one worker once the queue is idle");
            Assert.Equal(0, supervisor.GetStatus()[0].Crashes);
        }
        finally
        {
            await cts.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
            await channel.QueueDeleteAsync(queue, false, false);
        }

        Assert.Equal(0, supervisor.GetStatus()[0].Running);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for: {what}");
            await Task.Delay(50);
        }
    }
}
