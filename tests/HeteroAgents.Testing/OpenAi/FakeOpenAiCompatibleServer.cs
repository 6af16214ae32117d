using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Testing.OpenAi;

/// <summary>
/// A test-only stand-in for an OpenAI-compatible model server (vLLM, llama.cpp server, Ollama): an
/// <see cref="HttpListener"/> on 127.0.0.1 at a free port implementing <c>POST /v1/chat/completions</c> (non-streaming)
/// and <c>GET /v1/models</c>. It answers deterministically from the JSON schema in the request's
/// <c>response_format</c> (rules: <see cref="FakeOpenAiAnswers"/>, or a scripted <see cref="FakeOpenAiServerOptions.Completer"/>),
/// reports usage (≈ 4 characters per token) and, when <c>logprobs: true</c> is sent, one log-probability per
/// ≈ 4-character token (or per scripted token). Requests without a <c>json_schema</c>
/// response format get HTTP 400. Requests are served concurrently and recorded (<see cref="Requests"/>);
/// <see cref="FailNext"/> makes the next calls fail with an HTTP status, for retry tests.
/// </summary>
public sealed class FakeOpenAiCompatibleServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly FakeOpenAiServerOptions _options;
    private readonly ConcurrentQueue<FakeOpenAiRequest> _requests = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private int _requestCount;
    private int _failuresLeft;
    private int _failureStatus = 503;

    private FakeOpenAiCompatibleServer(HttpListener listener, int port, FakeOpenAiServerOptions options)
    {
        _listener = listener;
        _options = options;
        Port = port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The API base address to configure as the endpoint, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/v1");

    /// <summary>The recorded chat-completion requests (at most <see cref="FakeOpenAiServerOptions.MaxRecordedRequests"/>, oldest dropped).</summary>
    public IReadOnlyList<FakeOpenAiRequest> Requests => [.. _requests];

    /// <summary>How many chat-completion requests arrived (including failed ones).</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Requests being handled right now (e.g. held by <see cref="FakeOpenAiServerOptions.ResponseDelay"/>): the model calls in flight.</summary>
    public int InFlightCount => _inFlight.Count;

    /// <summary>Starts a server on a free loopback port.</summary>
    public static FakeOpenAiCompatibleServer Start(FakeOpenAiServerOptions? options = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeOpenAiCompatibleServer(listener, port, options ?? new FakeOpenAiServerOptions());
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between probing and binding; try another.
                listener.Close();
            }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> chat-completion requests fail with <paramref name="statusCode"/>.</summary>
    public void FailNext(int count, int statusCode = 503)
    {
        Volatile.Write(ref _failureStatus, statusCode);
        Volatile.Write(ref _failuresLeft, count);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Abort, not Stop + Close: on Linux the managed listener's Close after Stop looks its port up again and binds it
        // anew to remove the prefix, which fails ("Address already in use") once another process has taken the port.
        _listener.Abort();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
            await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Aborting the listener ends pending accepts and responses.
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var task = Task.Run(() => HandleAsync(context));
            _inFlight.TryAdd(task, 0);
            _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url?.AbsolutePath.TrimEnd('/') ?? string.Empty;
            if (context.Request.HttpMethod == "GET" && path == "/v1/models")
            {
                await WriteAsync(context, 200, new JsonObject { ["object"] = "list", ["data"] = new JsonArray(new JsonObject { ["id"] = "fake", ["object"] = "model" }) }).ConfigureAwait(false);
                return;
            }

            if (context.Request.HttpMethod != "POST" || path != "/v1/chat/completions")
            {
                await WriteErrorAsync(context, 404, $"no route for {context.Request.HttpMethod} {path}").ConfigureAwait(false);
                return;
            }

            JsonElement body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var text = await reader.ReadToEndAsync(_stopping.Token).ConfigureAwait(false);
                try
                {
                    body = JsonDocument.Parse(text).RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    await WriteErrorAsync(context, 400, $"request body is not JSON: {ex.Message}").ConfigureAwait(false);
                    return;
                }
            }

            var request = new FakeOpenAiRequest(body, context.Request.Headers["Authorization"]);
            var number = Interlocked.Increment(ref _requestCount);
            _requests.Enqueue(request);
            while (_requests.Count > _options.MaxRecordedRequests && _requests.TryDequeue(out _))
            {
            }

            if (_options.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.ResponseDelay, _stopping.Token).ConfigureAwait(false);
            }

            if (TryTakeFailure(out var status))
            {
                await WriteErrorAsync(context, status, $"scripted failure (HTTP {status})").ConfigureAwait(false);
                return;
            }

            if (body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
            {
                await WriteErrorAsync(context, 400, "streaming is not supported by the fake server").ConfigureAwait(false);
                return;
            }

            var scripted = _options.Completer?.Invoke(request);
            var content = scripted?.Content ?? _options.Responder?.Invoke(request) ?? FakeOpenAiAnswers.Answer(request);
            if (content is null)
            {
                await WriteErrorAsync(context, 400, "the fake server answers only requests with response_format {type: json_schema, json_schema: {schema: {...}}}").ConfigureAwait(false);
                return;
            }

            var tokens = scripted?.Tokens ?? [.. Chunks(content).Select(t => (t, _options.TokenLogProbability))];
            await WriteAsync(context, 200, Completion(request, content, tokens, number)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A test server must keep serving; a broken request gets a 500 naming the failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                await WriteErrorAsync(context, 500, $"fake server failure: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            }
            catch (Exception inner) when (inner is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection is gone.
            }
        }
    }

    private bool TryTakeFailure(out int status)
    {
        status = Volatile.Read(ref _failureStatus);
        while (true)
        {
            var left = Volatile.Read(ref _failuresLeft);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failuresLeft, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private static JsonObject Completion(FakeOpenAiRequest request, string content, IReadOnlyList<(string Text, double LogProbability)> tokens, int number)
    {
        var promptChars = request.Messages.Sum(m => m.Content.Length);
        var choice = new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        };
        if (request.LogProbsRequested)
        {
            choice["logprobs"] = new JsonObject
            {
                ["content"] = new JsonArray([.. tokens.Select(t => (JsonNode)new JsonObject
                {
                    ["token"] = t.Text,
                    ["logprob"] = t.LogProbability,
                    ["bytes"] = new JsonArray([.. Encoding.UTF8.GetBytes(t.Text).Select(b => (JsonNode)JsonValue.Create((int)b))]),
                    ["top_logprobs"] = new JsonArray(),
                })]),
            };
        }

        var promptTokens = Math.Max(1, (promptChars + 3) / 4);
        return new JsonObject
        {
            ["id"] = $"chatcmpl-fake-{number}",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = request.Model ?? "fake",
            ["choices"] = new JsonArray(choice),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = tokens.Count,
                ["total_tokens"] = promptTokens + tokens.Count,
            },
        };
    }

    private static IEnumerable<string> Chunks(string content)
    {
        for (var i = 0; i < content.Length; i += 4)
        {
            yield return content.Substring(i, Math.Min(4, content.Length - i));
        }
    }

    private static Task WriteErrorAsync(HttpListenerContext context, int status, string message) =>
        WriteAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "fake_error", ["code"] = status } });

    private static async Task WriteAsync(HttpListenerContext context, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }
}
