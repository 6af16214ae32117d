using HeteroAgents.Fleet.Management;
using HeteroAgents.Messaging;
using RabbitMQ.Client;

namespace HeteroAgents.Fleet.Tests.Management;

/// <summary>
/// The real RabbitMQ broker these tests use: settings from HETERO__MESSAGING__RABBITMQ__* when set, else the local
/// one that <c>.ci/start-services.sh</c> starts (guest/guest on 127.0.0.1, management on 15672).
/// </summary>
internal static class LiveBroker
{
    public static RabbitMqOptions Options { get; } = new()
    {
        Host = Env("HOST") ?? "127.0.0.1",
        Port = ushort.Parse(Env("PORT") ?? "5672", System.Globalization.CultureInfo.InvariantCulture),
        Username = Env("USERNAME") ?? "guest",
        Password = Env("PASSWORD") ?? "guest",
        ManagementUri = new Uri(Env("MANAGEMENTURI") ?? "http://127.0.0.1:15672/"),
    };

    public static RabbitMqManagementClient NewClient(HttpClient http) => new(http, Options, TimeProvider.System);

    /// <summary>Opens an AMQP connection, or fails the test saying what to start.</summary>
    public static async Task<IConnection> ConnectAsync()
    {
        var factory = new ConnectionFactory
        {
            HostName = Options.Host,
            Port = Options.Port,
            UserName = Options.Username,
            Password = Options.Password,
        };
        try
        {
            return await factory.CreateConnectionAsync();
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or System.Net.Sockets.SocketException)
        {
            Assert.Fail($"RabbitMQ is not reachable at {Options.Host}:{Options.Port} ({ex.Message}). Run `bash .ci/start-services.sh` from the repository root (or set HETERO__MESSAGING__RABBITMQ__HOST/PORT/USERNAME/PASSWORD).");
            throw;
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds for a reading (the management statistics refresh every ~5 s).</summary>
    public static async Task<QueueStats> WaitForAsync(RabbitMqManagementClient client, string queue, Func<QueueStats, bool> condition)
    {
        QueueStats last = QueueStats.Missing(queue);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            try
            {
                last = await client.GetQueueAsync(queue, CancellationToken.None);
            }
            catch (RabbitMqManagementException ex)
            {
                Assert.Fail($"{ex.Message}");
            }

            if (condition(last))
            {
                return last;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"Queue {queue} never reached the expected figures within 30 s; last reading: {last}");
        return last;
    }

    private static string? Env(string name) =>
        Environment.GetEnvironmentVariable("HETERO__MESSAGING__RABBITMQ__" + name) is { Length: > 0 } value ? value : null;
}
