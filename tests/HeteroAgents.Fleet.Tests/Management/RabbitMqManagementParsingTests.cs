using System.Net;
using System.Text;
using System.Text.Json;
using HeteroAgents.Fleet.Management;
using HeteroAgents.Messaging;

namespace HeteroAgents.Fleet.Tests.Management;

/// <summary>Mapping of management-API answers and request addresses, without a broker (the live tests cover the real API).</summary>
public sealed class RabbitMqManagementParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Maps_counts_rates_and_head_message_age()
    {
        using var json = JsonDocument.Parse($$"""
            {
              "name": "hetero-classify", "messages_ready": 120, "messages_unacknowledged": 8, "consumers": 3,
              "head_message_timestamp": {{Now.AddSeconds(-95).ToUnixTimeSeconds()}},
              "message_stats": { "publish": 500, "publish_details": { "rate": 41.2345 }, "deliver_get_details": { "rate": 39.9 } }
            }
            """);

        var stats = RabbitMqManagementClient.Parse("hetero-classify", json.RootElement, Now);

        Assert.Equal(new QueueStats("hetero-classify", true, 120, 8, 3, 41.235, 39.9, TimeSpan.FromSeconds(95)), stats);
        Assert.Equal(128, stats.Depth);
    }

    [Fact]
    public void Fields_the_broker_leaves_out_are_zero_or_unknown()
    {
        // A queue that never saw traffic has no message_stats; an empty queue has no head timestamp.
        using var json = JsonDocument.Parse("""{ "name": "q", "messages_ready": 0, "consumers": 0, "head_message_timestamp": null }""");
        var stats = RabbitMqManagementClient.Parse("q", json.RootElement, Now);
        Assert.Equal(new QueueStats("q", true, 0, 0, 0, null, null, null), stats);
    }

    [Fact]
    public void A_head_timestamp_in_the_future_is_age_zero()
    {
        using var json = JsonDocument.Parse($$"""{ "head_message_timestamp": {{Now.AddMinutes(5).ToUnixTimeSeconds()}} }""");
        Assert.Equal(TimeSpan.Zero, RabbitMqManagementClient.Parse("q", json.RootElement, Now).OldestMessageAge);
    }

    [Theory]
    [InlineData("http://broker:15672/", "/", "http://broker:15672/api/queues/%2F/hetero-tool-call")]
    [InlineData("http://proxy/rabbitmq", "prod", "http://proxy/rabbitmq/api/queues/prod/hetero-tool-call")]
    [InlineData("https://proxy/rabbitmq/", "a/b", "https://proxy/rabbitmq/api/queues/a%2Fb/hetero-tool-call")]
    public async Task Requests_the_queue_under_the_base_address_and_escaped_vhost_with_basic_auth(string baseUri, string vhost, string expected)
    {
        using var handler = new RecordingHttpHandler(HttpStatusCode.OK, """{ "messages_ready": 2 }""");
        using var http = new HttpClient(handler);
        var options = new RabbitMqOptions { ManagementUri = new Uri(baseUri), VirtualHost = vhost, Username = "ops", Password = "pw" };

        var stats = await new RabbitMqManagementClient(http, options, TimeProvider.System).GetQueueAsync("hetero-tool-call", CancellationToken.None);

        Assert.Equal(2, stats.Ready);
        Assert.Equal(expected, handler.LastRequest!.RequestUri!.AbsoluteUri);
        Assert.Equal("Basic", handler.LastRequest.Headers.Authorization!.Scheme);
        Assert.Equal("ops:pw", Encoding.UTF8.GetString(Convert.FromBase64String(handler.LastRequest.Headers.Authorization.Parameter!)));
    }

    [Fact]
    public async Task Server_errors_and_bad_json_are_reported_with_the_address()
    {
        using var failing = new RecordingHttpHandler(HttpStatusCode.InternalServerError, "boom");
        using var http = new HttpClient(failing);
        var client = new RabbitMqManagementClient(http, new RabbitMqOptions(), TimeProvider.System);
        var error = await Assert.ThrowsAsync<RabbitMqManagementException>(() => client.GetQueueAsync("q", CancellationToken.None));
        Assert.Contains("answered 500", error.Message, StringComparison.Ordinal);

        using var garbled = new RecordingHttpHandler(HttpStatusCode.OK, "<html>");
        using var http2 = new HttpClient(garbled);
        var client2 = new RabbitMqManagementClient(http2, new RabbitMqOptions(), TimeProvider.System);
        var error2 = await Assert.ThrowsAsync<RabbitMqManagementException>(() => client2.GetQueueAsync("q", CancellationToken.None));
        Assert.Contains("invalid JSON", error2.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers every request with a fixed response and keeps the last request.</summary>
    private sealed class RecordingHttpHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? LastRequest { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastRequest = request;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
