using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.Messaging.Tests.Testing;

/// <summary>
/// The tests' broker choice (environment, else Testcontainers when a Docker engine answers, else a failure naming both
/// ways), with the Docker probe injected: this machine has no Docker engine, so the containers themselves are not started here.
/// </summary>
public sealed class TestBrokersTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static Func<bool> Docker(bool answers, List<string> asked) => () =>
    {
        asked.Add("docker");
        return answers;
    };

    [Theory]
    [InlineData(TestBrokers.RabbitMqHostVariable, "10.0.0.5")]
    [InlineData(TestBrokers.RedisVariable, "10.0.0.6:6379")]
    public void A_variable_in_the_environment_decides_without_asking_docker(string variable, string value)
    {
        var asked = new List<string>();

        Assert.Equal(TestBrokerSource.Environment, TestBrokers.Choose(Env((variable, value)), Docker(true, asked)));
        Assert.Empty(asked);
    }

    [Fact]
    public void Without_variables_a_docker_engine_that_answers_means_testcontainers()
    {
        var asked = new List<string>();

        Assert.Equal(TestBrokerSource.Testcontainers, TestBrokers.Choose(Env(), Docker(true, asked)));
        Assert.Single(asked);
    }

    [Fact]
    public void Without_variables_or_docker_the_failure_names_both_ways()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TestBrokers.Choose(Env(), Docker(false, [])));

        Assert.Contains(TestBrokers.RabbitMqHostVariable, ex.Message, StringComparison.Ordinal);
        Assert.Contains(TestBrokers.RedisVariable, ex.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/start-services.sh", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Docker engine", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Testcontainers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_endpoints_come_from_the_variables_with_local_defaults_for_the_rest()
    {
        var endpoints = TestBrokers.Resolve(
            Env((TestBrokers.RabbitMqHostVariable, "rabbit.test"), ("HETERO_TEST_RABBITMQ_PORT", "5673"), ("HETERO_TEST_RABBITMQ_MANAGEMENT", "http://rabbit.test:8080/")),
            () => throw new InvalidOperationException("the Docker probe must not be asked"));

        Assert.Equal(TestBrokerSource.Environment, endpoints.Source);
        Assert.Equal(("rabbit.test", 5673, "guest", "/"), (endpoints.RabbitMq.Host, endpoints.RabbitMq.Port, endpoints.RabbitMq.Username, endpoints.RabbitMq.VirtualHost));
        Assert.Equal(new Uri("http://rabbit.test:8080/"), endpoints.RabbitMq.ManagementUri);
        Assert.Equal(TestBrokers.DefaultRedis, endpoints.Redis);
    }

    [Fact]
    public void The_real_probe_answers_false_where_no_docker_engine_runs()
    {
        // This machine (and CI) has no Docker engine; the probe must say so quickly instead of throwing.
        if (File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
        {
            return;
        }

        Assert.False(DockerEngineProbe.Answers());
    }
}
