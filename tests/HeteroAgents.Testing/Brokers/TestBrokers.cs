namespace HeteroAgents.Testing.Brokers;

/// <summary>
/// The one choice of the tests' RabbitMQ and Redis, made once per test process: connection settings from the environment
/// (<c>HETERO_TEST_RABBITMQ_HOST</c> and its <c>_PORT</c>/<c>_USER</c>/<c>_PASSWORD</c>/<c>_VHOST</c>/<c>_MANAGEMENT</c>
/// companions, <c>HETERO_TEST_REDIS</c>; when only one is set the other takes its local default); else, when a Docker
/// engine answers, RabbitMQ and Redis containers started with Testcontainers (macOS/Windows developers); else a failure
/// that names both ways.
/// </summary>
public static class TestBrokers
{
    /// <summary>The variable naming the RabbitMQ host.</summary>
    public const string RabbitMqHostVariable = "HETERO_TEST_RABBITMQ_HOST";

    /// <summary>The variable holding the Redis configuration string.</summary>
    public const string RedisVariable = "HETERO_TEST_REDIS";

    /// <summary>The local Redis used when only the RabbitMQ variable is set.</summary>
    public const string DefaultRedis = "127.0.0.1:6379";

    private static readonly Lazy<TestBrokerEndpoints> Chosen = new(() => Resolve(Environment.GetEnvironmentVariable, DockerEngineProbe.Answers));

    /// <summary>The brokers of this test process (chosen, and containers started, on first use).</summary>
    public static TestBrokerEndpoints Current => Chosen.Value;

    /// <summary>
    /// Decides where the brokers come from: <see cref="TestBrokerSource.Environment"/> when <paramref name="environment"/>
    /// names either of them, else <see cref="TestBrokerSource.Testcontainers"/> when <paramref name="dockerAnswers"/> says
    /// a Docker engine answers. The Docker probe is not asked when the environment decides.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither: the message names both ways.</exception>
    public static TestBrokerSource Choose(Func<string, string?> environment, Func<bool> dockerAnswers)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(dockerAnswers);
        if (IsSet(environment(RabbitMqHostVariable)) || IsSet(environment(RedisVariable)))
        {
            return TestBrokerSource.Environment;
        }

        return dockerAnswers() ? TestBrokerSource.Testcontainers : throw new InvalidOperationException(NoBrokersMessage);
    }

    /// <summary>What the tests say when neither way gives them brokers.</summary>
    public static string NoBrokersMessage =>
        "These tests need RabbitMQ (with the management plugin) and Redis. Either point them at running services: " +
        $"`bash .ci/start-services.sh` starts both on 127.0.0.1, then set {RabbitMqHostVariable}=127.0.0.1 and {RedisVariable}=127.0.0.1:6379 " +
        "(`bash scripts/test.sh` sets both); or start a Docker engine (Docker Desktop, Colima, Podman with the Docker socket), and " +
        "the tests start RabbitMQ and Redis containers with Testcontainers. Neither variable is set and no Docker engine answered.";

    /// <summary>Makes the choice and returns the endpoints; starts the containers for <see cref="TestBrokerSource.Testcontainers"/>.</summary>
    public static TestBrokerEndpoints Resolve(Func<string, string?> environment, Func<bool> dockerAnswers)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Choose(environment, dockerAnswers) switch
        {
            TestBrokerSource.Environment => new TestBrokerEndpoints(
                TestBrokerSource.Environment,
                RabbitMqTestSettings.FromVariables(environment),
                environment(RedisVariable) is { Length: > 0 } redis ? redis : DefaultRedis),
            _ => TestcontainersBrokers.Start(),
        };
    }

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
