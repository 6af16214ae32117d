using System.Net.Http.Headers;
using System.Text;
using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.Plugins.Tests;

/// <summary>
/// The real RabbitMQ broker for integration tests (<see cref="RabbitMqTestSettings"/>: <c>HETERO_TEST_RABBITMQ_*</c>,
/// default 127.0.0.1:5672 guest/guest). Each test gets its own virtual host, created through the management API
/// (port 15672) and deleted afterwards, so workers of other test runs on the same broker never take its messages.
/// An unreachable broker fails the test with the command that starts one.
/// </summary>
internal sealed class RabbitMqTestBroker : IAsyncDisposable
{
    private readonly HttpClient _http;

    private RabbitMqTestBroker(RabbitMqTestSettings settings, HttpClient http)
    {
        Settings = settings;
        _http = http;
    }

    public RabbitMqTestSettings Settings { get; }

    public IDictionary<string, string?> Configuration => new Dictionary<string, string?>(Settings.ToConfiguration());

    public static async Task<RabbitMqTestBroker> CreateAsync()
    {
        var shared = RabbitMqTestSettings.FromEnvironment();
        await shared.EnsureReachableAsync();

        var http = new HttpClient { BaseAddress = new Uri($"http://{shared.Host}:15672/api/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.ASCII.GetBytes($"{shared.Username}:{shared.Password}")));
        var vhost = "hetero-plugins-test-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            using var create = await http.PutAsync("vhosts/" + vhost, new StringContent("{}", Encoding.UTF8, "application/json"));
            create.EnsureSuccessStatusCode();
            using var grant = await http.PutAsync($"permissions/{vhost}/{Uri.EscapeDataString(shared.Username)}",
                new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"));
            grant.EnsureSuccessStatusCode();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            http.Dispose();
            throw new InvalidOperationException(
                $"The RabbitMQ management API at {http.BaseAddress} did not create a test virtual host ({ex.Message}). " +
                "Start the broker with its management plugin with `bash .ci/start-services.sh` from the repository root.", ex);
        }

        return new RabbitMqTestBroker(shared with { VirtualHost = vhost }, http);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var response = await _http.DeleteAsync("vhosts/" + Settings.VirtualHost);
        }
        catch (HttpRequestException)
        {
            // best effort: a leftover test virtual host is harmless
        }

        _http.Dispose();
    }
}
