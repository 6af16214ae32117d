using System.Net;
using System.Net.Sockets;
using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.Worker.Tests.Testing;

public sealed class RabbitMqTestSettingsTests
{
    [Fact]
    public async Task Unreachable_broker_fails_with_the_command_that_starts_it()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var settings = new RabbitMqTestSettings("127.0.0.1", closedPort, "guest", "guest", "/");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => settings.EnsureReachableAsync());

        Assert.Contains("bash .ci/start-services.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closedPort}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_form_uses_double_underscores()
    {
        var environment = new RabbitMqTestSettings("broker", 5673, "u", "p", "v").ToEnvironment();

        Assert.Equal("RabbitMq", environment["HETERO__MESSAGING__TRANSPORT"]);
        Assert.Equal("broker", environment["HETERO__MESSAGING__RABBITMQ__HOST"]);
        Assert.Equal("5673", environment["HETERO__MESSAGING__RABBITMQ__PORT"]);
        Assert.Equal("v", environment["HETERO__MESSAGING__RABBITMQ__VIRTUALHOST"]);
    }
}
