using System.Net.Http.Headers;
using System.Text;
using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// A RabbitMQ virtual host created for one test (through the management HTTP API) and deleted afterwards, so
/// tests running at the same time on the same broker never see each other's queues.
/// </summary>
internal sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _http;

    private RabbitMqVirtualHost(HttpClient http, string name, RabbitMqTestSettings settings)
    {
        _http = http;
        Name = name;
        Settings = settings with { VirtualHost = name };
    }

    public string Name { get; }

    /// <summary>The broker settings pointing at this virtual host.</summary>
    public RabbitMqTestSettings Settings { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync(string purpose)
    {
        var settings = RabbitMqTestSettings.FromEnvironment();
        await settings.EnsureReachableAsync();
        var management = Environment.GetEnvironmentVariable("HETERO_TEST_RABBITMQ_MANAGEMENT") ?? $"http://{settings.Host}:15672/";
        var http = new HttpClient { BaseAddress = new Uri(management), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}")));
        var name = $"hetero-test-{purpose}-{Guid.NewGuid():N}"[..40];
        try
        {
            (await http.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
            using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
            (await http.PutAsync($"api/permissions/{name}/{Uri.EscapeDataString(settings.Username)}", permissions)).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException ex)
        {
            http.Dispose();
            throw new InvalidOperationException(
                $"Could not create a RabbitMQ virtual host through the management API at {management} ({ex.Message}). " +
                "Start RabbitMQ with the management plugin: `bash .ci/start-services.sh` (or set HETERO_TEST_RABBITMQ_MANAGEMENT).", ex);
        }

        return new RabbitMqVirtualHost(http, name, settings);
    }

    /// <summary>Messages ready in a queue of this virtual host (0 when it does not exist).</summary>
    public async Task<long> QueueDepthAsync(string queue)
    {
        using var response = await _http.GetAsync($"api/queues/{Name}/{queue}");
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("messages", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Number ? m.GetInt64() : 0;
    }

    /// <summary>Polls the queue depth (the management API refreshes it every few seconds) until it reaches <paramref name="expected"/> or 20 s pass.</summary>
    public async Task<long> WaitForQueueDepthAsync(string queue, long expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long depth;
        while ((depth = await QueueDepthAsync(queue)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, cancellationToken);
        }

        return depth;
    }

    /// <summary>Messages published to the given queues so far (management statistics, which lag a few seconds).</summary>
    public async Task<long> PublishedAsync(IEnumerable<string> queues)
    {
        long total = 0;
        foreach (var queue in queues)
        {
            using var response = await _http.GetAsync($"api/queues/{Name}/{queue}");
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (doc.RootElement.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var published) &&
                published.ValueKind == System.Text.Json.JsonValueKind.Number)
            {
                total += published.GetInt64();
            }
        }

        return total;
    }

    /// <summary>Polls <see cref="PublishedAsync"/> until it reaches <paramref name="expected"/> (or more) or 30 s pass; returns the last count.</summary>
    public async Task<long> WaitForPublishedAsync(IEnumerable<string> queues, long expected, CancellationToken cancellationToken)
    {
        var names = queues.ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long published;
        while ((published = await PublishedAsync(names)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1_000, cancellationToken);
        }

        // Statistics arrive in steps: give a late extra publish the chance to show before the caller compares.
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken);
        return await PublishedAsync(names);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _http.DeleteAsync($"api/vhosts/{Name}");
        }
        catch (HttpRequestException)
        {
            // Best effort: a leftover test vhost is harmless.
        }

        _http.Dispose();
    }
}
