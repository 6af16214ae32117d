using System.Text.RegularExpressions;
using HeteroAgents.Contracts;

namespace HeteroAgents.Fleet.Tests.Deployment;

/// <summary>Structure of compose/docker-compose.yml and its .env.example.</summary>
public sealed partial class ComposeFileTests
{
    private static readonly string ComposePath = RepositoryFiles.Compose("docker-compose.yml");
    private static readonly Dictionary<string, object?> Services = Yaml.Map(Yaml.LoadDocuments(ComposePath).Single()["services"], "services");

    private static string WorkerService(TaskType type) => "worker-" + type.ToWireName().Replace('_', '-');

    [Fact]
    public void Has_the_broker_the_store_the_orchestrator_one_worker_per_task_type_and_the_gpu_server()
    {
        string[] expected = ["rabbitmq", "redis", "orchestrator", .. TaskTypes.All.Select(WorkerService), "slm"];
        Assert.Equal(expected.Order(), Services.Keys.Order());
    }

    [Fact]
    public void Every_service_has_a_health_check()
    {
        foreach (var (name, service) in Services)
        {
            var test = Yaml.Seq(Yaml.At(Yaml.Map(service, name), "healthcheck.test"), name + ".healthcheck.test");
            Assert.True(test.Count >= 2, $"{name}: health check test is too short");
            Assert.Contains(Yaml.Str(test[0], name), new[] { "CMD", "CMD-SHELL" });
        }
    }

    [Fact]
    public void Each_worker_service_serves_its_task_type_on_rabbitmq_with_the_slm_endpoint()
    {
        foreach (var type in TaskTypes.All)
        {
            var name = WorkerService(type);
            var service = Yaml.Map(Services[name], name);
            Assert.Equal(["--task", type.ToWireName()], Yaml.Seq(service["command"], name + ".command").Cast<string>());
            var env = Yaml.Map(service["environment"], name + ".environment");
            Assert.Equal("RabbitMq", env["HETERO__MESSAGING__TRANSPORT"]);
            Assert.Equal("rabbitmq", env["HETERO__MESSAGING__RABBITMQ__HOST"]);
            foreach (var key in new[] { "PORT", "USERNAME", "PASSWORD" })
            {
                Assert.True(env.ContainsKey("HETERO__MESSAGING__RABBITMQ__" + key), $"{name} lacks HETERO__MESSAGING__RABBITMQ__{key}");
            }

            Assert.Contains("HETERO_SLM_ENDPOINT", Yaml.Str(env["HETERO__SLM__ENDPOINT"], name), StringComparison.Ordinal);
            Assert.Contains("HETERO_SLM_MODEL", Yaml.Str(env["HETERO__SLM__MODEL"], name), StringComparison.Ordinal);
            Assert.Equal("service_healthy", Yaml.At(service, "depends_on.rabbitmq.condition"));
        }
    }

    [Fact]
    public void Orchestrator_reaches_rabbitmq_and_redis_with_credentials_from_the_environment()
    {
        var env = Yaml.Map(Yaml.At(Yaml.Map(Services["orchestrator"], "orchestrator"), "environment"), "orchestrator.environment");
        Assert.Equal("RabbitMq", env["HETERO__MESSAGING__TRANSPORT"]);
        Assert.StartsWith("${RABBITMQ_PASSWORD:?", Yaml.Str(env["HETERO__MESSAGING__RABBITMQ__PASSWORD"], "password"), StringComparison.Ordinal);
        Assert.Contains("password=${REDIS_PASSWORD", Yaml.Str(env["HETERO__REDIS__CONFIGURATION"], "redis"), StringComparison.Ordinal);
    }

    [Fact]
    public void Rabbitmq_requires_its_credentials_from_the_environment()
    {
        var env = Yaml.Map(Yaml.At(Yaml.Map(Services["rabbitmq"], "rabbitmq"), "environment"), "rabbitmq.environment");
        Assert.StartsWith("${RABBITMQ_USER:?", Yaml.Str(env["RABBITMQ_DEFAULT_USER"], "user"), StringComparison.Ordinal);
        Assert.StartsWith("${RABBITMQ_PASSWORD:?", Yaml.Str(env["RABBITMQ_DEFAULT_PASS"], "pass"), StringComparison.Ordinal);
        Assert.Contains("management", Yaml.Str(Yaml.At(Yaml.Map(Services["rabbitmq"], "rabbitmq"), "image"), "image"), StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_uses_aof_everysec_and_a_password()
    {
        var command = string.Join(' ', Yaml.Seq(Yaml.At(Yaml.Map(Services["redis"], "redis"), "command"), "redis.command").Cast<string>());
        Assert.Contains("--appendonly yes", command, StringComparison.Ordinal);
        Assert.Contains("--appendfsync everysec", command, StringComparison.Ordinal);
        Assert.Contains("--requirepass", command, StringComparison.Ordinal);
        var env = Yaml.Map(Yaml.At(Yaml.Map(Services["redis"], "redis"), "environment"), "redis.environment");
        Assert.StartsWith("${REDIS_PASSWORD:?", Yaml.Str(env["REDIS_PASSWORD"], "redis password"), StringComparison.Ordinal);
    }

    [Fact]
    public void Gpu_server_is_optional_and_reserves_an_nvidia_device()
    {
        var slm = Yaml.Map(Services["slm"], "slm");
        Assert.Contains("gpu", Yaml.Seq(slm["profiles"], "slm.profiles").Cast<string>());
        Assert.Contains("vllm", Yaml.Str(slm["image"], "slm.image"), StringComparison.Ordinal);
        var device = Yaml.Map(Yaml.Seq(Yaml.At(slm, "deploy.resources.reservations.devices"), "devices").Single(), "device");
        Assert.Equal("nvidia", device["driver"]);
        Assert.Contains("gpu", Yaml.Seq(device["capabilities"], "capabilities").Cast<string>());
        // The workers' default endpoint is this service.
        Assert.Contains("http://slm:8000/v1", File.ReadAllText(ComposePath), StringComparison.Ordinal);
    }

    [Fact]
    public void No_guest_account_anywhere()
    {
        var files = new[] { ComposePath, RepositoryFiles.Compose(".env.example") }
            .Concat(Directory.GetFiles(RepositoryFiles.Compose("k8s"), "*.yaml"));
        foreach (var file in files)
        {
            Assert.DoesNotContain("guest", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Every_referenced_variable_is_documented_in_env_example_and_every_documented_one_is_used()
    {
        var referenced = VariableReference().Matches(File.ReadAllText(ComposePath)).Select(m => m.Groups["name"].Value).ToHashSet();
        var documented = File.ReadAllLines(RepositoryFiles.Compose(".env.example"))
            .Select(l => EnvLine().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["name"].Value)
            .ToHashSet();

        Assert.NotEmpty(referenced);
        Assert.Empty(referenced.Except(documented));
        Assert.Empty(documented.Except(referenced));
        Assert.Contains("RABBITMQ_PASSWORD", referenced);
        Assert.Contains("REDIS_PASSWORD", referenced);
    }

    // ${NAME}, ${NAME:-default}, ${NAME:?message}; "$${...}" is escaped for the container's shell and not compose's.
    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex EnvLine();
}
