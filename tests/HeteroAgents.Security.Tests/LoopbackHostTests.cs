using HeteroAgents.Security;

namespace HeteroAgents.Security.Tests;

public sealed class LoopbackHostTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("rabbit.localhost")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    public void Loopback_names(string host) => Assert.True(LoopbackHost.IsLoopback(host));

    [Theory]
    [InlineData("rabbitmq")]
    [InlineData("10.0.0.5")]
    [InlineData("0.0.0.0")]
    [InlineData("localhost.example.com")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_names(string? host) => Assert.False(LoopbackHost.IsLoopback(host));
}
