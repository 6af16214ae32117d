using System.Globalization;
using System.Net.Sockets;

namespace HeteroAgents.Testing.Brokers;

/// <summary>
/// Where tests find RabbitMQ: <c>HETERO_TEST_RABBITMQ_HOST</c> (default 127.0.0.1), <c>_PORT</c> (5672),
/// <c>_USER</c> (guest), <c>_PASSWORD</c> (guest), <c>_VHOST</c> (/). Tests that need the broker call
/// <see cref="EnsureReachableAsync"/> and fail (never skip) with a message saying how to start it.
/// </summary>
/// <param name="Host">Broker host.</param>
/// <param name="Port">AMQP port.</param>
/// <param name="Username">User name.</param>
/// <param name="Password">Password.</param>
/// <param name="VirtualHost">Virtual host.</param>
public sealed record RabbitMqTestSettings(string Host, int Port, string Username, string Password, string VirtualHost)
{
    /// <summary>Reads the settings from the environment, with the local defaults.</summary>
    public static RabbitMqTestSettings FromEnvironment() => new(
        Env("HETERO_TEST_RABBITMQ_HOST", "127.0.0.1"),
        int.Parse(Env("HETERO_TEST_RABBITMQ_PORT", "5672"), CultureInfo.InvariantCulture),
        Env("HETERO_TEST_RABBITMQ_USER", "guest"),
        Env("HETERO_TEST_RABBITMQ_PASSWORD", "guest"),
        Env("HETERO_TEST_RABBITMQ_VHOST", "/"));

    /// <summary>Fails with an explanation when nothing accepts connections at <see cref="Host"/>:<see cref="Port"/>.</summary>
    public async Task EnsureReachableAsync(CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(Host, Port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not reachable at {Host}:{Port} ({ex.Message}). Start it with `bash .ci/start-services.sh` from the repository root, " +
                "or point HETERO_TEST_RABBITMQ_HOST / HETERO_TEST_RABBITMQ_PORT (and _USER, _PASSWORD, _VHOST) at a running broker.", ex);
        }
    }

    /// <summary>Configuration entries selecting this broker for <c>AddHeteroMessaging</c> (<c>Hetero:Messaging:*</c>).</summary>
    public IReadOnlyDictionary<string, string?> ToConfiguration() => new Dictionary<string, string?>
    {
        ["Hetero:Messaging:Transport"] = "RabbitMq",
        ["Hetero:Messaging:RabbitMq:Host"] = Host,
        ["Hetero:Messaging:RabbitMq:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Hetero:Messaging:RabbitMq:Username"] = Username,
        ["Hetero:Messaging:RabbitMq:Password"] = Password,
        ["Hetero:Messaging:RabbitMq:VirtualHost"] = VirtualHost,
    };

    /// <summary>The same settings as <c>HETERO__MESSAGING__*</c> environment variables, for starting worker processes.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() =>
        ToConfiguration().ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant(), p => p.Value ?? string.Empty);

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
