using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.Messaging.Tests.Support;

/// <summary>
/// One private RabbitMQ node per test class that listens only with TLS (certificate from a throw-away CA, no management
/// plugin, about 5-15 s to start); see <see cref="DedicatedRabbitMqNode"/>.
/// </summary>
public sealed class TlsRabbitMqNodeFixture : IAsyncLifetime
{
    private DedicatedRabbitMqNode? _node;

    /// <summary>The running node.</summary>
    public DedicatedRabbitMqNode Node => _node ?? throw new InvalidOperationException("The TLS RabbitMQ node has not been started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _node = await DedicatedRabbitMqNode.StartNewAsync(new DedicatedRabbitMqNodeOptions { Name = "tls", UseTls = true, EnableManagement = false }, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
