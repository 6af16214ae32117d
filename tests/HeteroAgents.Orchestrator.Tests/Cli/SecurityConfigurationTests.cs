using HeteroAgents.Orchestrator.Tests.Support;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero` refuses insecure remote settings at start and never prints a secret in its errors.</summary>
public sealed class SecurityConfigurationTests
{
    [Fact]
    public async Task A_remote_redis_without_a_password_is_refused_at_start()
    {
        var result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["Hetero:Redis:Configuration"] = "redis.example:6379" },
            ["batch", "status", "some-batch"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("configuration error: Hetero:Redis:Password is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_broker_with_guest_is_refused_at_start()
    {
        var input = Path.GetTempFileName();
        await File.WriteAllTextAsync(input, "{\"custom_id\":\"t1\",\"task\":\"summarize\",\"input\":{\"text\":\"hello there\",\"max_words\":5}}\n");
        var result = await CliRunner.RunAsync(
            new Dictionary<string, string?>
            {
                ["Hetero:Messaging:Transport"] = "RabbitMq",
                ["Hetero:Messaging:RabbitMq:Host"] = "rabbit.example",
                ["Hetero:Redis:Configuration"] = "127.0.0.1:6379",
            },
            ["batch", "submit", input]);
        File.Delete(input);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Hetero:Messaging:RabbitMq:Username must name a real account", result.Error, StringComparison.Ordinal);
        Assert.Contains("Hetero:Messaging:RabbitMq:Password must be set", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redis_failure_prints_no_password()
    {
        const string secret = "Cli-Redis-Leak-Check-4b1";
        var result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["Hetero:Redis:Configuration"] = $"127.0.0.1:1,password={secret},connectTimeout=500", ["Hetero:Redis:ConnectTimeoutMs"] = "500" },
            ["batch", "status", "some-batch"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Cannot reach Redis", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Error + result.Out, StringComparison.Ordinal);
    }
}
