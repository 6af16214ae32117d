using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>
/// A throwaway virtual host on the real broker, created and deleted through the management API (port 15672), so
/// tests can declare the fleet's queues without touching other tests' queues. Fails with instructions when the
/// broker is down.
/// </summary>
public sealed class RabbitMqTestVirtualHost : IAsyncLifetime
{
    private readonly RabbitMqTestSettings _settings = RabbitMqTestSettings.FromEnvironment();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string Name { get; } = $"hetero-cli-test-{Guid.NewGuid():N}";

    public Uri ManagementUri => new($"http://{_settings.Host}:15672/");

    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>(_settings.ToConfiguration())
    {
        ["Hetero:Messaging:RabbitMq:VirtualHost"] = Name,
        ["Hetero:Messaging:RabbitMq:ManagementUri"] = ManagementUri.ToString(),
    };

    public async Task InitializeAsync()
    {
        _http.BaseAddress = ManagementUri;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_settings.Username}:{_settings.Password}")));
        try
        {
            (await _http.PutAsync($"api/vhosts/{Name}", null)).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(
                $"The RabbitMQ management API is not reachable at {ManagementUri} ({ex.Message}). Start the broker with `bash .ci/start-services.sh`.", ex);
        }

        (await _http.PutAsJsonAsync($"api/permissions/{Name}/{_settings.Username}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    public async Task DeclareQueueAsync(string queue) =>
        (await _http.PutAsJsonAsync($"api/queues/{Name}/{queue}", new { durable = true })).EnsureSuccessStatusCode();

    public async Task PublishAsync(string queue, string body)
    {
        var response = await _http.PostAsJsonAsync($"api/exchanges/{Name}/amq.default/publish",
            new { properties = new { }, routing_key = queue, payload = body, payload_encoding = "string" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until the management API's statistics (refreshed every few seconds) show <paramref name="ready"/> ready messages.</summary>
    public async Task WaitForReadyAsync(string queue, long ready)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var stats = await _http.GetFromJsonAsync<JsonElement>($"api/queues/{Name}/{queue}", timeout.Token);
            if (stats.TryGetProperty("messages_ready", out var value) && value.GetInt64() == ready)
            {
                return;
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await _http.DeleteAsync($"api/vhosts/{Name}");
        _http.Dispose();
    }
}
