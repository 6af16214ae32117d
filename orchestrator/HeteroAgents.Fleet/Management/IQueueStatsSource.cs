namespace HeteroAgents.Fleet.Management;

/// <summary>Reads queue figures from the broker. Implemented by <see cref="RabbitMqManagementClient"/>.</summary>
public interface IQueueStatsSource
{
    /// <summary>
    /// Returns the figures of one queue; a queue the broker does not know gives <see cref="QueueStats.Missing"/>.
    /// Throws <see cref="RabbitMqManagementException"/> when the broker cannot be asked.
    /// </summary>
    Task<QueueStats> GetQueueAsync(string queueName, CancellationToken cancellationToken);
}
