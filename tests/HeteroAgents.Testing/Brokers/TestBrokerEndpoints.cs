namespace HeteroAgents.Testing.Brokers;

/// <summary>The RabbitMQ and Redis the tests of this process use.</summary>
/// <param name="Source">Where they come from.</param>
/// <param name="RabbitMq">The broker.</param>
/// <param name="Redis">The StackExchange.Redis configuration string (e.g. <c>127.0.0.1:6379</c>).</param>
public sealed record TestBrokerEndpoints(TestBrokerSource Source, RabbitMqTestSettings RabbitMq, string Redis);
