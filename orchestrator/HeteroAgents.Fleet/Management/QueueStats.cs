namespace HeteroAgents.Fleet.Management;

/// <summary>
/// One queue's figures as the RabbitMQ management API reports them. Counts are refreshed by the broker's
/// statistics collector (every 5 s by default), so they may lag the queue by that much.
/// </summary>
/// <param name="Name">The queue name.</param>
/// <param name="Exists">False when the broker does not know the queue (not declared yet); every figure is then zero or null.</param>
/// <param name="Ready">Messages waiting to be delivered.</param>
/// <param name="Unacknowledged">Messages delivered to a consumer and not yet acknowledged (in flight).</param>
/// <param name="Consumers">Consumers attached to the queue.</param>
/// <param name="PublishRate">Messages published into the queue per second, when the broker reports it.</param>
/// <param name="DeliverRate">Messages delivered (or fetched) per second, when the broker reports it.</param>
/// <param name="OldestMessageAge">Age of the message at the head of the queue, when it carries a timestamp property.</param>
public sealed record QueueStats(
    string Name,
    bool Exists,
    long Ready,
    long Unacknowledged,
    int Consumers,
    double? PublishRate,
    double? DeliverRate,
    TimeSpan? OldestMessageAge)
{
    /// <summary>Ready plus unacknowledged messages: the depth the scaling policy and KEDA count.</summary>
    public long Depth => Ready + Unacknowledged;

    /// <summary>The figures of a queue the broker does not know.</summary>
    public static QueueStats Missing(string name) => new(name, false, 0, 0, 0, null, null, null);
}
