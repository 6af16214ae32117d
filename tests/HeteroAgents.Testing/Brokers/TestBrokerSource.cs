namespace HeteroAgents.Testing.Brokers;

/// <summary>Where the tests' RabbitMQ and Redis come from (<see cref="TestBrokers.Choose"/>).</summary>
public enum TestBrokerSource
{
    /// <summary>Running services named by <c>HETERO_TEST_RABBITMQ_HOST</c> / <c>HETERO_TEST_REDIS</c> (CI and <c>scripts/test.sh</c>).</summary>
    Environment,

    /// <summary>Throw-away RabbitMQ and Redis containers started with Testcontainers on the local Docker engine.</summary>
    Testcontainers,
}
