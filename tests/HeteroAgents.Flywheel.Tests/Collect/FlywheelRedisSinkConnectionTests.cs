using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace HeteroAgents.Flywheel.Tests.Collect;

/// <summary>
/// Against the real Redis (HETERO__REDIS__CONFIGURATION, default 127.0.0.1:6379): a temporary ACL user with a password
/// that the sink reads from <c>Hetero:Redis:PasswordFile</c>. The shared test Redis lets unauthenticated clients in as the
/// <c>default</c> user (and StackExchange.Redis carries on after a refused AUTH), so the proof is the server's own view:
/// <c>CLIENT LIST</c> shows which user the sink's connections (named by <c>name=</c>) are logged in as.
/// </summary>
public sealed class FlywheelRedisSinkConnectionTests : IAsyncLifetime
{
    private static readonly string Configuration = Environment.GetEnvironmentVariable("HETERO__REDIS__CONFIGURATION") ?? "127.0.0.1:6379";
    private readonly string _user = "hetero-test-flywheel-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _password = Guid.NewGuid().ToString("N");
    private readonly string _clientName = "hetero-test-flywheel-sink-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _key = "hetero:test:flywheel-auth:" + Guid.NewGuid().ToString("N");
    private readonly TempDirectory _dir = new();
    private ConnectionMultiplexer? _admin;

    private IDatabase Admin => (_admin ?? throw new InvalidOperationException("not connected")).GetDatabase();

    public async Task InitializeAsync()
    {
        try
        {
            _admin = await ConnectionMultiplexer.ConnectAsync(Configuration + ",connectTimeout=3000,allowAdmin=true");
        }
        catch (RedisConnectionException ex)
        {
            throw new InvalidOperationException($"Redis at {Configuration} is not reachable: run 'bash .ci/start-services.sh' or set HETERO__REDIS__CONFIGURATION.", ex);
        }

        await Admin.ExecuteAsync("ACL", "SETUSER", _user, "reset", "on", ">" + _password, "~*", "&*", "+@all");
    }

    public async Task DisposeAsync()
    {
        if (_admin is not null)
        {
            await Admin.ExecuteAsync("ACL", "DELUSER", _user);
            await Admin.KeyDeleteAsync(_key);
            await _admin.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task The_password_from_the_file_authenticates_the_sink_and_the_record_is_written()
    {
        using var host = Host(_password);
        var log = host.Services.GetRequiredService<IFrontierCallLog>();

        await log.AppendAsync(new SyntheticLog(3).TicketRouting());

        Assert.Equal(1, await Admin.StreamLengthAsync(_key));
        var users = await SinkConnectionUsersAsync();
        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.Equal(_user, u));
    }

    [Fact]
    public async Task A_wrong_password_in_the_file_is_refused_by_the_server()
    {
        using var host = Host("not-the-password");

        _ = host.Services.GetRequiredService<IFrontierCallLog>();

        var users = await SinkConnectionUsersAsync();
        Assert.NotEmpty(users);
        Assert.DoesNotContain(_user, users);
        Assert.Contains(ToText(await Admin.ExecuteAsync("ACL", "LOG")), l => l.Contains(_user, StringComparison.Ordinal));
    }

    private static IEnumerable<string> ToText(RedisResult result) =>
        result.Resp2Type == ResultType.Array ? ((RedisResult[])result!).SelectMany(ToText) : [result.ToString() ?? string.Empty];

    private async Task<string[]> SinkConnectionUsersAsync()
    {
        var list = (string?)await Admin.ExecuteAsync("CLIENT", "LIST") ?? string.Empty;
        return list.Split('\n')
            .Where(line => line.Contains($" name={_clientName} ", StringComparison.Ordinal))
            .Select(line => line.Split(' ').Single(f => f.StartsWith("user=", StringComparison.Ordinal))["user=".Length..])
            .ToArray();
    }

    private Microsoft.Extensions.Hosting.IHost Host(string password)
    {
        var file = _dir.File("redis-password");
        File.WriteAllText(file, password + "\n");
        return FlywheelRedisSinkTests.Build(new()
        {
            ["Hetero:Flywheel:Logging:Sink"] = "Redis",
            ["Hetero:Flywheel:Logging:StreamKey"] = _key,
            ["Hetero:Redis:Configuration"] = $"{Configuration},name={_clientName}",
            ["Hetero:Redis:User"] = _user,
            ["Hetero:Redis:PasswordFile"] = file,
            ["Hetero:Redis:ConnectTimeoutMs"] = "3000",
        });
    }
}
