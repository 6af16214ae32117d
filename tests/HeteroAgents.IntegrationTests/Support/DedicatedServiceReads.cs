using System.Globalization;
using HeteroAgents.Messaging;
using HeteroAgents.Testing.Brokers;
using StackExchange.Redis;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>What the fault tests read from their private RabbitMQ node and Redis (<see cref="FaultServices"/>).</summary>
internal static class DedicatedServiceReads
{
    /// <summary>The node's guest settings as <see cref="RabbitMqOptions"/> (management address included), for the fleet's queue-depth client.</summary>
    public static RabbitMqOptions Options(this DedicatedRabbitMqNode node, string virtualHost) => new()
    {
        Host = "127.0.0.1", Port = (ushort)node.AmqpPort, VirtualHost = virtualHost, Username = "guest", Password = "guest", ManagementUri = node.ManagementUri,
    };

    /// <summary>
    /// The batch under <paramref name="keyPrefix"/> as <paramref name="server"/> holds it: its state field, the sum of its
    /// done counters and the number of recorded output lines (null when there is no batch).
    /// </summary>
    public static async Task<(string State, long Done, long OutputLines)?> ReadBatchAsync(this DedicatedRedisServer server, string keyPrefix)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        var db = redis.GetDatabase();
        var keys = (RedisResult[])(await db.ScriptEvaluateAsync("return redis.call('KEYS', ARGV[1])", values: [keyPrefix + "batch:*"]))!;
        var batchKey = keys.Select(k => (string)k!).FirstOrDefault(k => !k[(keyPrefix.Length + "batch:".Length)..].Contains(':', StringComparison.Ordinal));
        if (batchKey is null)
        {
            return null;
        }

        // One script, so the counters and the output hash are read at the same instant.
        var values = (RedisResult[])(await db.ScriptEvaluateAsync(
            "local v = redis.call('HMGET', KEYS[1], 'state', 'completed', 'escalated', 'failed') v[5] = redis.call('HLEN', KEYS[2]) return v",
            [batchKey, batchKey + ":out"]))!;
        var done = values.Skip(1).Take(3).Sum(v => v.IsNull ? 0 : long.Parse((string)v!, CultureInfo.InvariantCulture));
        return ((string?)values[0] ?? string.Empty, done, (long)values[4]);
    }
}
