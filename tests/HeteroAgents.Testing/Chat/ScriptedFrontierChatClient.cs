using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Testing.Chat;

/// <summary>
/// The only fake frontier model: a scripted <see cref="IChatClient"/>. Planning requests (no response format) are
/// answered by <see cref="PlanningSteps"/> in order; structured-output requests (escalation resolution, with a JSON
/// schema response format) by <see cref="Resolve"/>. Every request is recorded.
/// </summary>
public sealed class ScriptedFrontierChatClient : IChatClient
{
    private readonly ConcurrentQueue<Func<IReadOnlyList<ChatMessage>, ChatOptions, ChatResponse>> _planning = new();

    public ScriptedFrontierChatClient(string model = "scripted-frontier") => Model = model;

    public string Model { get; }

    /// <summary>Answers structured-output (escalation) requests; by default it fails the test.</summary>
    public Func<IReadOnlyList<ChatMessage>, ChatOptions, CancellationToken, Task<ChatResponse>> Resolve { get; set; } =
        (_, _, _) => throw new InvalidOperationException("The script has no escalation answer.");

    public ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = new();

    public IEnumerable<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> PlanningRequests =>
        Requests.Where(r => r.Options?.ResponseFormat is not ChatResponseFormatJson);

    public IEnumerable<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> ResolutionRequests =>
        Requests.Where(r => r.Options?.ResponseFormat is ChatResponseFormatJson);

    public ScriptedFrontierChatClient ThenPlan(Func<IReadOnlyList<ChatMessage>, ChatOptions, ChatResponse> step)
    {
        _planning.Enqueue(step);
        return this;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Enqueue((list, options));
        if (options?.ResponseFormat is ChatResponseFormatJson)
        {
            return await Resolve(list, options, cancellationToken);
        }

        if (!_planning.TryDequeue(out var step))
        {
            throw new InvalidOperationException("The planning script is exhausted.");
        }

        return step(list, options ?? new ChatOptions());
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted frontier does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, Model) : null;

    public void Dispose()
    {
    }

    /// <summary>A response that calls the advertised tool whose name ends with each given function name.</summary>
    public static ChatResponse CallFunctions(ChatOptions options, params (string Function, object Arguments)[] calls)
    {
        var tools = options.Tools ?? throw new InvalidOperationException("SK advertised no tools to the frontier.");
        var contents = new List<AIContent>();
        var i = 0;
        foreach (var (function, arguments) in calls)
        {
            var tool = tools.FirstOrDefault(t => t.Name.EndsWith(function, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"No advertised tool ends with '{function}'; tools: {string.Join(", ", tools.Select(t => t.Name))}.");
            var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments));
            contents.Add(new FunctionCallContent("call-" + (++i).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + function, tool.Name, args));
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = "scripted-frontier",
            Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 20 },
        };
    }

    /// <summary>A final text answer.</summary>
    public static ChatResponse Answer(string text) => new(new ChatMessage(ChatRole.Assistant, text))
    {
        ModelId = "scripted-frontier",
        Usage = new UsageDetails { InputTokenCount = 150, OutputTokenCount = 10 },
        FinishReason = ChatFinishReason.Stop,
    };

    /// <summary>The function results the loop sent back, by call id.</summary>
    public static IReadOnlyDictionary<string, string> FunctionResults(IReadOnlyList<ChatMessage> messages) =>
        messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>()
            .ToDictionary(r => r.CallId, r => r.Result?.ToString() ?? string.Empty);

    /// <summary>A structured answer with the given JSON text.</summary>
    public static Task<ChatResponse> Json(string json) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, json))
    {
        ModelId = "scripted-frontier",
        Usage = new UsageDetails { InputTokenCount = 80, OutputTokenCount = 12 },
        FinishReason = ChatFinishReason.Stop,
    });

    /// <summary>A refusal, the way Microsoft.Extensions.AI's OpenAI adapter reports one.</summary>
    public static Task<ChatResponse> Refusal(string message) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new ErrorContent(message) { ErrorCode = "Refusal" }])));

    /// <summary>Never answers: waits until the caller gives up.</summary>
    public static async Task<ChatResponse> Hang(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
