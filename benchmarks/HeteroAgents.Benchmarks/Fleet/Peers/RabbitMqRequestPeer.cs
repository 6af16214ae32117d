using System.Collections.Concurrent;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HeteroAgents.Benchmarks.Fleet.Peers;

/// <summary>
/// A plain RabbitMQ.Client 7 request/response loop on the same broker: a durable request queue whose consumer answers
/// at once to the request's <c>reply-to</c> queue; persistent messages and awaited publisher confirms on both sides;
/// <c>inFlight</c> requests outstanding, matched to replies by correlation id. The floor of what two deliveries cost.
/// </summary>
internal static class RabbitMqRequestPeer
{
    public const string Name = "RabbitMQ.Client request/response";
    private const string RequestQueue = "bench-raw-ping";

    public static async Task<PeerResult> RunAsync(string vhost, int count, int inFlight, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            VirtualHost = vhost,
            UserName = "guest",
            Password = "guest",
            ConsumerDispatchConcurrency = (ushort)inFlight,
        };
        var confirms = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var serverConnection = await factory.CreateConnectionAsync("bench-raw-server", cancellationToken);
        await using var clientConnection = await factory.CreateConnectionAsync("bench-raw-client", cancellationToken);
        await using var server = await serverConnection.CreateChannelAsync(confirms, cancellationToken);
        await using var client = await clientConnection.CreateChannelAsync(confirms, cancellationToken);

        await server.QueueDeclareAsync(RequestQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await server.BasicQosAsync(0, (ushort)(inFlight * 2), false, cancellationToken);
        var serve = new AsyncEventingBasicConsumer(server);
        serve.ReceivedAsync += async (_, delivery) =>
        {
            var reply = new BasicProperties { Persistent = true, CorrelationId = delivery.BasicProperties.CorrelationId };
            await server.BasicPublishAsync(string.Empty, delivery.BasicProperties.ReplyTo!, false, reply, delivery.Body, cancellationToken);
            await server.BasicAckAsync(delivery.DeliveryTag, false, cancellationToken);
        };
        await server.BasicConsumeAsync(RequestQueue, autoAck: false, serve, cancellationToken);

        var pending = new ConcurrentDictionary<string, TaskCompletionSource>();
        var replyQueue = (await client.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        await client.BasicQosAsync(0, (ushort)(inFlight * 2), false, cancellationToken);
        var replies = new AsyncEventingBasicConsumer(client);
        replies.ReceivedAsync += async (_, delivery) =>
        {
            if (delivery.BasicProperties.CorrelationId is { } id && pending.TryRemove(id, out var done))
            {
                done.TrySetResult();
            }

            await client.BasicAckAsync(delivery.DeliveryTag, false, cancellationToken);
        };
        await client.BasicConsumeAsync(replyQueue, autoAck: false, replies, cancellationToken);

        var body = Encoding.UTF8.GetBytes("""{"number":0,"text":"Where is parcel 0000042? It is late."}""");
        async Task RoundTrip(long i, CancellationToken ct)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = done;
            var request = new BasicProperties { Persistent = true, CorrelationId = id, ReplyTo = replyQueue };
            await client.BasicPublishAsync(string.Empty, RequestQueue, false, request, body, ct);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }

        await PeerLoop.RunAsync(Math.Min(count, 1_000), inFlight, (i, ct) => RoundTrip(-1 - i, ct), cancellationToken);
        var cpu = CpuMeter.Start();
        var elapsed = await PeerLoop.RunAsync(count, inFlight, RoundTrip, cancellationToken);
        return new PeerResult(Name, count, elapsed) { Cpu = cpu.PerUnit(count) };
    }
}
