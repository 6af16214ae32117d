using System.Globalization;
using System.Net.Sockets;

namespace HeteroAgents.Testing.Brokers;

/// <summary>
/// Where tests find RabbitMQ: the broker of <see cref="TestBrokers.Current"/> — from <c>HETERO_TEST_RABBITMQ_HOST</c>
/// (default 127.0.0.1 when only <c>HETERO_TEST_REDIS</c> is set), <c>_PORT</c> (5672), <c>_USER</c> (guest),
/// <c>_PASSWORD</c> (guest), <c>_VHOST</c> (/), <c>_MANAGEMENT</c> (http://host:15672/), or a Testcontainers broker.
/// Tests that need the broker call <see cref="EnsureReachableAsync"/> and fail (never skip) with a message saying how to start it.
/// </summary>
/// <param name="Host">Broker host.</param>
/// <param name="Port">AMQP port.</param>
/// <param name="Username">User name.</param>
/// <param name="Password">Password.</param>
/// <param name="VirtualHost">Virtual host.</param>
public sealed record RabbitMqTestSettings(string Host, int Port, string Username, string Password, string VirtualHost)
{
    private Uri? _managementUri;

    /// <summary>The management HTTP API (default <c>http://{Host}:15672/</c>).</summary>
    public Uri ManagementUri
    {
        get => _managementUri ?? new Uri($"http://{Host}:15672/");
        init => _managementUri = value;
    }

    /// <summary>The broker the tests of this process use (<see cref="TestBrokers.Current"/>).</summary>
    public static RabbitMqTestSettings FromEnvironment() => TestBrokers.Current.RabbitMq;

    /// <summary>Reads the settings from <paramref name="environment"/> (the <c>HETERO_TEST_RABBITMQ_*</c> variables), with the local defaults.</summary>
    public static RabbitMqTestSettings FromVariables(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string Env(string name, string fallback) => environment(name) is { Length: > 0 } value ? value : fallback;
        var settings = new RabbitMqTestSettings(
            Env(TestBrokers.RabbitMqHostVariable, "127.0.0.1"),
            int.Parse(Env("HETERO_TEST_RABBITMQ_PORT", "5672"), CultureInfo.InvariantCulture),
            Env("HETERO_TEST_RABBITMQ_USER", "guest"),
            Env("HETERO_TEST_RABBITMQ_PASSWORD", "guest"),
            Env("HETERO_TEST_RABBITMQ_VHOST", "/"));
        return environment("HETERO_TEST_RABBITMQ_MANAGEMENT") is { Length: > 0 } management ? settings with { ManagementUri = new Uri(management) } : settings;
    }

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
}
