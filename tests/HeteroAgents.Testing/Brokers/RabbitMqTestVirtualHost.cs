using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace HeteroAgents.Testing.Brokers;

/// <summary>
/// A throw-away RabbitMQ virtual host for one test, created and deleted through the management HTTP API
/// (<see cref="RabbitMqTestSettings.ManagementUri"/>). Tests that start consumers on the
/// fixed task queues (<c>hetero-classify</c>, ...) use one so they never take each other's messages when suites run
/// side by side on one broker. Also reads queue state (depth, type) for assertions.
/// </summary>
public sealed class RabbitMqTestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _http;

    private RabbitMqTestVirtualHost(HttpClient http, RabbitMqTestSettings settings)
    {
        _http = http;
        Settings = settings;
    }

    /// <summary>Settings pointing at the new virtual host.</summary>
    public RabbitMqTestSettings Settings { get; }

    /// <summary>Creates a virtual host named <c>&lt;prefix&gt;-&lt;random&gt;</c> and grants the test user full rights on it.</summary>
    public static async Task<RabbitMqTestVirtualHost> CreateAsync(RabbitMqTestSettings settings, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await settings.EnsureReachableAsync(cancellationToken).ConfigureAwait(false);
        var management = settings.ManagementUri;
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}")));
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, prefix.Length + 33)];
        try
        {
            (await http.PutAsync($"api/vhosts/{Uri.EscapeDataString(name)}", null, cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();
            (await http.PutAsJsonAsync($"api/permissions/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(settings.Username)}",
                new { configure = ".*", write = ".*", read = ".*" }, cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException ex)
        {
            http.Dispose();
            throw new InvalidOperationException(
                $"The RabbitMQ management API at {management} is not usable ({ex.Message}). Start the broker with `bash .ci/start-services.sh` " +
                "(it enables the management plugin) or set HETERO_TEST_RABBITMQ_MANAGEMENT.", ex);
        }

        return new RabbitMqTestVirtualHost(http, settings with { VirtualHost = name });
    }

    /// <summary>
    /// Configuration selecting this virtual host for <c>AddHeteroMessaging</c> and the management API for the fleet
    /// commands (<c>Hetero:Messaging:RabbitMq:ManagementUri</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>(Settings.ToConfiguration())
    {
        ["Hetero:Messaging:RabbitMq:ManagementUri"] = Settings.ManagementUri.ToString(),
    };

    /// <summary>Declares a durable classic queue.</summary>
    public async Task DeclareQueueAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PutAsJsonAsync(QueuePath(queue), new { durable = true }, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Waits until the management statistics (refreshed every few seconds) show <paramref name="ready"/> ready messages
    /// in <paramref name="queue"/>; fails after 30 s.
    /// </summary>
    public async Task WaitForReadyAsync(string queue, long ready, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!(await GetQueueAsync(queue, timeout.Token).ConfigureAwait(false) is { } q &&
                 q.TryGetProperty("messages_ready", out var value) && value.ValueKind == JsonValueKind.Number && value.GetInt64() == ready))
        {
            await Task.Delay(250, timeout.Token).ConfigureAwait(false);
        }
    }

    /// <summary>A queue's management record (<c>messages</c>, <c>type</c>, <c>durable</c>, <c>arguments</c>, ...), or null when the queue does not exist.</summary>
    public async Task<JsonElement?> GetQueueAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(QueuePath(queue), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return document.RootElement.Clone();
    }

    /// <summary>Messages in <paramref name="queue"/> (0 when it does not exist).</summary>
    public async Task<long> QueueDepthAsync(string queue, CancellationToken cancellationToken = default) =>
        await GetQueueAsync(queue, cancellationToken).ConfigureAwait(false) is { } q && q.TryGetProperty("messages", out var count) && count.ValueKind == JsonValueKind.Number
            ? count.GetInt64()
            : 0;

    /// <summary>
    /// Polls the queue depth (the management API refreshes it every few seconds) until it reaches <paramref name="expected"/>
    /// or <paramref name="timeout"/> passes; returns the last depth seen.
    /// </summary>
    public async Task<long> WaitForQueueDepthAsync(string queue, long expected, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        long depth;
        while ((depth = await QueueDepthAsync(queue, cancellationToken).ConfigureAwait(false)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        return depth;
    }

    /// <summary>Waits until <paramref name="queue"/> reports <paramref name="messages"/> messages (the management API updates every few seconds).</summary>
    public async Task<bool> WaitForMessageCountAsync(string queue, int messages, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await WaitForQueueDepthAsync(queue, messages, timeout, cancellationToken).ConfigureAwait(false) == messages;

    /// <summary>Messages published to the given queues so far (management statistics, which lag a few seconds).</summary>
    public async Task<long> PublishedAsync(IEnumerable<string> queues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        long total = 0;
        foreach (var queue in queues)
        {
            if (await GetQueueAsync(queue, cancellationToken).ConfigureAwait(false) is { } q && q.TryGetProperty("message_stats", out var stats) &&
                stats.TryGetProperty("publish", out var published) && published.ValueKind == JsonValueKind.Number)
            {
                total += published.GetInt64();
            }
        }

        return total;
    }

    /// <summary>
    /// Polls <see cref="PublishedAsync"/> until it reaches <paramref name="expected"/> (or more) or 30 s pass, then waits for
    /// one more statistics step so a late extra publish can show before the caller compares; returns the last count.
    /// </summary>
    public async Task<long> WaitForPublishedAsync(IEnumerable<string> queues, long expected, CancellationToken cancellationToken = default)
    {
        var names = queues.ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await PublishedAsync(names, cancellationToken).ConfigureAwait(false) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1_000, cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken).ConfigureAwait(false);
        return await PublishedAsync(names, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes a raw body to <paramref name="queue"/> through the default exchange (e.g. a poison message).</summary>
    public async Task PublishRawAsync(string queue, string body, string contentType, CancellationToken cancellationToken = default)
    {
        var request = new
        {
            routing_key = queue,
            payload = body,
            payload_encoding = "string",
            properties = new Dictionary<string, object> { ["content_type"] = contentType, ["delivery_mode"] = 2 },
        };
        using var response = await _http.PostAsJsonAsync($"api/exchanges/{Uri.EscapeDataString(Settings.VirtualHost)}/amq.default/publish", request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        if (!document.RootElement.GetProperty("routed").GetBoolean())
        {
            throw new InvalidOperationException($"The raw message to '{queue}' was not routed: the queue does not exist in {Settings.VirtualHost}.");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var _ = await _http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(Settings.VirtualHost)}").ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // Best effort: a leftover virtual host is harmless.
        }

        _http.Dispose();
    }

    private string QueuePath(string queue) => $"api/queues/{Uri.EscapeDataString(Settings.VirtualHost)}/{Uri.EscapeDataString(queue)}";
}
