using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace HeteroAgents.Plugins.Tests;

/// <summary>
/// The real RabbitMQ broker for integration tests (host from <c>HETERO_TEST_RABBITMQ_HOST</c>, default 127.0.0.1:5672,
/// guest/guest). Each test gets its own virtual host (created through the management API and deleted afterwards) so
/// that workers of other test runs on the same broker never take its messages. An unreachable broker fails the test
/// with the command that starts one.
/// </summary>
internal sealed class RabbitMqTestBroker : IAsyncDisposable
{
    private const string User = "guest";
    private const string Password = "guest";
    private readonly HttpClient _http;

    private RabbitMqTestBroker(string host, string virtualHost, HttpClient http)
    {
        Host = host;
        VirtualHost = virtualHost;
        _http = http;
    }

    public string Host { get; }

    public string VirtualHost { get; }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hetero:Messaging:Transport"] = "RabbitMq",
        ["Hetero:Messaging:RabbitMq:Host"] = Host,
        ["Hetero:Messaging:RabbitMq:Port"] = "5672",
        ["Hetero:Messaging:RabbitMq:VirtualHost"] = VirtualHost,
        ["Hetero:Messaging:RabbitMq:Username"] = User,
        ["Hetero:Messaging:RabbitMq:Password"] = Password,
    };

    public static async Task<RabbitMqTestBroker> CreateAsync()
    {
        var host = Environment.GetEnvironmentVariable("HETERO_TEST_RABBITMQ_HOST") is { Length: > 0 } h ? h : "127.0.0.1";
        var hint = $"RabbitMQ is not reachable at {host}:5672 (management API on :15672). Start it with `bash .ci/start-services.sh` from the repository root, or set HETERO_TEST_RABBITMQ_HOST.";
        using (var tcp = new TcpClient())
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await tcp.ConnectAsync(host, 5672, cts.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                Assert.Fail(hint + " " + ex.Message);
            }
        }

        var http = new HttpClient { BaseAddress = new Uri($"http://{host}:15672/api/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{User}:{Password}")));
        var vhost = "hetero-plugins-test-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            using var create = await http.PutAsync("vhosts/" + vhost, new StringContent("{}", Encoding.UTF8, "application/json"));
            create.EnsureSuccessStatusCode();
            using var grant = await http.PutAsync($"permissions/{vhost}/{User}",
                new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"));
            grant.EnsureSuccessStatusCode();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            http.Dispose();
            Assert.Fail(hint + " Creating a test virtual host failed: " + ex.Message);
        }

        return new RabbitMqTestBroker(host, vhost, http);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var response = await _http.DeleteAsync("vhosts/" + VirtualHost);
        }
        catch (HttpRequestException)
        {
            // best effort: a leftover test vhost is harmless
        }

        _http.Dispose();
    }
}
