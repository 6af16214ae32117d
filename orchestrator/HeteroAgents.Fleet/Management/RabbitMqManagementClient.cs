using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HeteroAgents.Messaging;

namespace HeteroAgents.Fleet.Management;

/// <summary>
/// Reads queue figures from the RabbitMQ management HTTP API (<c>GET /api/queues/{vhost}/{name}</c>) with the
/// address, virtual host and credentials of <see cref="RabbitMqOptions"/> (<c>ManagementUri</c>, <c>VirtualHost</c>,
/// <c>Username</c>, <c>Password</c>). The password is sent as HTTP basic authentication and never logged or echoed.
/// </summary>
public sealed class RabbitMqManagementClient : IQueueStatsSource
{
    private readonly HttpClient _http;
    private readonly RabbitMqOptions _options;
    private readonly TimeProvider _time;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly Uri _baseUri;

    /// <summary>Creates a client over <paramref name="http"/> (its base address is not used: requests are absolute).</summary>
    public RabbitMqManagementClient(HttpClient http, RabbitMqOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _options = options;
        _time = time;
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
        _authorization = new AuthenticationHeaderValue("Basic", token);

        // A base with a path prefix (e.g. behind a reverse proxy at /rabbitmq) needs a trailing slash to be kept.
        var baseText = options.ManagementUri.ToString();
        _baseUri = new Uri(baseText.EndsWith('/') ? baseText : baseText + "/");
    }

    /// <summary>The management API base address used (always ending in a slash).</summary>
    public Uri BaseUri => _baseUri;

    /// <inheritdoc />
    public async Task<QueueStats> GetQueueAsync(string queueName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var path = $"api/queues/{Uri.EscapeDataString(_options.VirtualHost)}/{Uri.EscapeDataString(queueName)}";
        using var document = await GetJsonAsync(path, queueName, cancellationToken);
        return document is null ? QueueStats.Missing(queueName) : Parse(queueName, document.RootElement, _time.GetUtcNow());
    }

    /// <summary>Checks that the API answers and the credentials are accepted (<c>GET /api/overview</c>); returns the broker version.</summary>
    public async Task<string> GetBrokerVersionAsync(CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync("api/overview", null, cancellationToken)
            ?? throw new RabbitMqManagementException($"RabbitMQ management API at {BaseUri} has no /api/overview: is this a RabbitMQ management endpoint?");
        return document.RootElement.TryGetProperty("rabbitmq_version", out var version) && version.ValueKind == JsonValueKind.String
            ? version.GetString()!
            : "unknown";
    }

    /// <summary>Maps one queue object of the management API onto <see cref="QueueStats"/>.</summary>
    internal static QueueStats Parse(string queueName, JsonElement queue, DateTimeOffset now)
    {
        double? publishRate = null;
        double? deliverRate = null;
        if (queue.TryGetProperty("message_stats", out var stats) && stats.ValueKind == JsonValueKind.Object)
        {
            publishRate = ReadRate(stats, "publish_details");
            deliverRate = ReadRate(stats, "deliver_get_details");
        }

        TimeSpan? oldest = null;
        if (queue.TryGetProperty("head_message_timestamp", out var head) && head.ValueKind == JsonValueKind.Number)
        {
            // AMQP timestamps are whole seconds since the Unix epoch.
            var age = now - DateTimeOffset.FromUnixTimeSeconds(head.GetInt64());
            oldest = age < TimeSpan.Zero ? TimeSpan.Zero : age;
        }

        return new QueueStats(
            queueName,
            Exists: true,
            Ready: ReadInt64(queue, "messages_ready"),
            Unacknowledged: ReadInt64(queue, "messages_unacknowledged"),
            Consumers: (int)ReadInt64(queue, "consumers"),
            publishRate,
            deliverRate,
            oldest);
    }

    private async Task<JsonDocument?> GetJsonAsync(string relativePath, string? queueName, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, relativePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new RabbitMqManagementException(
                $"RabbitMQ management API at {BaseUri} is unreachable ({ex.Message}). Start the broker with its management plugin " +
                "(locally: `bash .ci/start-services.sh`; or `rabbitmq-plugins enable rabbitmq_management`) and check Hetero:Messaging:RabbitMq:ManagementUri.",
                ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RabbitMqManagementException($"RabbitMQ management API at {BaseUri} did not answer in time.", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound && queueName is not null)
            {
                return null;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new RabbitMqManagementException(
                    $"RabbitMQ management API at {BaseUri} rejected user '{_options.Username}' ({(int)response.StatusCode}): check " +
                    "HETERO__MESSAGING__RABBITMQ__USERNAME/PASSWORD and that the user has the 'monitoring' (or 'management') tag.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new RabbitMqManagementException(
                    $"RabbitMQ management API at {BaseUri} answered {(int)response.StatusCode} {response.ReasonPhrase} for {relativePath}.");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            try
            {
                return await JsonDocument.ParseAsync(body, default, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new RabbitMqManagementException($"RabbitMQ management API at {BaseUri} returned invalid JSON for {relativePath}: {ex.Message}", ex);
            }
        }
    }

    private static long ReadInt64(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : 0;

    private static double? ReadRate(JsonElement stats, string detailsName) =>
        stats.TryGetProperty(detailsName, out var details)
        && details.ValueKind == JsonValueKind.Object
        && details.TryGetProperty("rate", out var rate)
        && rate.ValueKind == JsonValueKind.Number
            ? Math.Round(rate.GetDouble(), 3, MidpointRounding.AwayFromZero)
            : null;
}
