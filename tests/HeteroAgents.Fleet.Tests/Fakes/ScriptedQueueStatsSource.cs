using HeteroAgents.Fleet.Management;

namespace HeteroAgents.Fleet.Tests.Fakes;

/// <summary>Answers queue readings from values the test sets; can be told to fail like an unreachable broker.</summary>
internal sealed class ScriptedQueueStatsSource : IQueueStatsSource
{
    private readonly object _gate = new();
    private readonly Dictionary<string, QueueStats> _queues = new(StringComparer.Ordinal);
    private bool _down;

    public int Reads { get; private set; }

    public void Set(string queue, long ready, long unacked = 0, int consumers = 0)
    {
        lock (_gate)
        {
            _queues[queue] = new QueueStats(queue, true, ready, unacked, consumers, 1.5, 2.5, TimeSpan.FromSeconds(3));
        }
    }

    public void SetDown(bool down)
    {
        lock (_gate)
        {
            _down = down;
        }
    }

    public Task<QueueStats> GetQueueAsync(string queueName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reads++;
            if (_down)
            {
                throw new RabbitMqManagementException("scripted: broker down");
            }

            return Task.FromResult(_queues.TryGetValue(queueName, out var stats) ? stats : QueueStats.Missing(queueName));
        }
    }
}
