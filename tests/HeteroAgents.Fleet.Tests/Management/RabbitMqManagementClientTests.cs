using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Status;
using HeteroAgents.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HeteroAgents.Fleet.Tests.Management;

/// <summary>Against the real broker and its management API (no fakes): declares private queues and checks the figures.</summary>
public sealed class RabbitMqManagementClientTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Reports_ready_unacked_consumers_rates_and_head_age_of_a_real_queue()
    {
        var queue = $"fleet-test-{Guid.NewGuid():N}";
        await using var connection = await LiveBroker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
        try
        {
            var stamped = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds();
            for (var i = 0; i < 7; i++)
            {
                var properties = new BasicProperties { Timestamp = new AmqpTimestamp(stamped) };
                await channel.BasicPublishAsync("", queue, mandatory: false, properties, new byte[] { (byte)i });
            }

            // A consumer that takes 3 messages (prefetch) and never acknowledges them.
            await using var consumerChannel = await connection.CreateChannelAsync();
            await consumerChannel.BasicQosAsync(0, 3, false);
            var consumer = new AsyncEventingBasicConsumer(consumerChannel);
            await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

            var client = LiveBroker.NewClient(_http);
            var stats = await LiveBroker.WaitForAsync(client, queue, s => s.Ready == 4 && s.Unacknowledged == 3 && s.Consumers == 1);

            Assert.True(stats.Exists);
            Assert.Equal(7, stats.Depth);
            Assert.NotNull(stats.PublishRate);
            Assert.NotNull(stats.DeliverRate);
            Assert.True(stats.PublishRate >= 0);
            Assert.NotNull(stats.OldestMessageAge);
            Assert.InRange(stats.OldestMessageAge.Value, TimeSpan.FromSeconds(100), TimeSpan.FromMinutes(10));
        }
        finally
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        }
    }

    [Fact]
    public async Task A_queue_the_broker_does_not_know_is_reported_missing()
    {
        var client = LiveBroker.NewClient(_http);
        var stats = await client.GetQueueAsync($"fleet-test-absent-{Guid.NewGuid():N}", CancellationToken.None);
        Assert.False(stats.Exists);
        Assert.Equal(0, stats.Depth);
    }

    [Fact]
    public async Task Answers_with_the_broker_version()
    {
        var version = await LiveBroker.NewClient(_http).GetBrokerVersionAsync(CancellationToken.None);
        Assert.Matches(@"^\d+\.\d+", version);
    }

    [Fact]
    public async Task Rejected_credentials_give_a_clear_error_without_the_password()
    {
        var options = new RabbitMqOptions { ManagementUri = LiveBroker.Options.ManagementUri, Username = "no-such-user", Password = "s3cret-value" };
        var client = new RabbitMqManagementClient(_http, options, TimeProvider.System);
        var error = await Assert.ThrowsAsync<RabbitMqManagementException>(() => client.GetQueueAsync("hetero-classify", CancellationToken.None));
        Assert.Contains("rejected user 'no-such-user' (401)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_says_what_to_start()
    {
        var options = new RabbitMqOptions { ManagementUri = new Uri("http://127.0.0.1:1/") };
        var client = new RabbitMqManagementClient(_http, options, TimeProvider.System);
        var error = await Assert.ThrowsAsync<RabbitMqManagementException>(() => client.GetQueueAsync("hetero-classify", CancellationToken.None));
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/start-services.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fleet_status_reads_task_and_error_queues_from_the_real_broker()
    {
        var queue = $"fleet-test-{Guid.NewGuid():N}";
        var target = new FleetQueueTarget(TaskType.Extract, queue, queue + "_error");
        await using var connection = await LiveBroker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(target.QueueName, durable: false, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync(target.ErrorQueueName, durable: false, exclusive: false, autoDelete: false);
        try
        {
            for (var i = 0; i < 5; i++)
            {
                await channel.BasicPublishAsync("", target.QueueName, new byte[] { 1 });
            }

            for (var i = 0; i < 2; i++)
            {
                await channel.BasicPublishAsync("", target.ErrorQueueName, new byte[] { 2 });
            }

            var client = LiveBroker.NewClient(_http);
            await LiveBroker.WaitForAsync(client, target.ErrorQueueName, s => s.Ready == 2);
            await LiveBroker.WaitForAsync(client, target.QueueName, s => s.Ready == 5);

            var service = new FleetStatusService(client, TimeProvider.System, [target]);
            var snapshot = await service.GetAsync(CancellationToken.None);

            Assert.True(snapshot.Succeeded);
            var row = Assert.Single(snapshot.Rows);
            Assert.Equal(TaskType.Extract, row.TaskType);
            Assert.Equal(5, row.Queue.Ready);
            Assert.Equal(2, row.ErrorMessages);
            Assert.Equal(5, snapshot.TotalDepth);
            Assert.Contains(queue, FleetStatusTable.ToPlainText(snapshot), StringComparison.Ordinal);
        }
        finally
        {
            await channel.QueueDeleteAsync(target.QueueName, false, false);
            await channel.QueueDeleteAsync(target.ErrorQueueName, false, false);
        }
    }
}
