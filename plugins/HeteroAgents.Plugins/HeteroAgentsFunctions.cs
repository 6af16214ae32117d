using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Plugins;

/// <summary>
/// The four functions that hand well-defined sub-tasks to the fleet of small, schema-constrained models — classify,
/// extract, call_tool, summarize — with typed results; an SLM escalation is resolved by the frontier model when one is
/// configured. <see cref="AsAIFunctions"/> gives them as Microsoft.Extensions.AI <see cref="AIFunction"/>s (results
/// serialized snake_case), which the Semantic Kernel adapter (<c>kernel.Plugins.AddHeteroAgents(services)</c>) and the
/// Agent Framework adapter (<c>chatClient.AsHeteroAgent(services)</c>) hand to their function-calling loops.
/// </summary>
public sealed class HeteroAgentsFunctions
{
    /// <summary>The function names, as the model sees them (SK prefixes the plugin name, e.g. <c>hetero_classify</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ["classify", "extract", "call_tool", "summarize"];

    private readonly HeteroTaskClient _client;
    private long _calls;

    /// <summary>Creates the functions; their tasks share one session id (the tasks' batch id, always starting with <see cref="PluginSession.Prefix"/>).</summary>
    public HeteroAgentsFunctions(HeteroTaskClient client, string? sessionId = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        SessionId = PluginSession.Id(sessionId);
    }

    /// <summary>The session id: the batch id of every task these functions send.</summary>
    public string SessionId { get; }

    /// <summary>Classify a text into one label of a closed set.</summary>
    [Description("Classify a text into exactly one label from a closed set of labels (e.g. intent, topic, sentiment, priority). Served by a small specialised model; returns a JSON object {\"label\": \"<one of the labels>\"}.")]
    public async Task<ClassifyResult> ClassifyAsync(
        [Description("The text to classify, verbatim.")] string text,
        [Description("The allowed labels: at least two, unique. The answer is always exactly one of them.")] string[] labels,
        [Description("Optional guidance on what the labels mean or how to choose between them.")] string? instructions = null,
        CancellationToken cancellationToken = default)
    {
        var (taskId, callId) = NextCall("classify");
        var task = new ClassifyTask(taskId, SessionId, callId, new ClassifyInput(text, labels ?? [], instructions));
        return (await _client.SendAsync(task, cancellationToken).ConfigureAwait(false)).ResultAs<ClassifyResult>();
    }

    /// <summary>Extract the fields of a JSON schema from a text; the result is the object the schema describes.</summary>
    [Description("Extract structured fields from a text into a JSON object that follows the given JSON schema (e.g. order numbers, dates, names, amounts). Only values stated in the text are used. Returns the JSON object.")]
    public async Task<JsonElement> ExtractAsync(
        [Description("The source text to extract from, verbatim.")] string text,
        [Description("A JSON schema object with \"type\": \"object\" and \"properties\" describing each field to extract, e.g. {\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}},\"required\":[\"order_id\"]}.")] JsonElement schema,
        [Description("Optional guidance on how to fill the fields.")] string? instructions = null,
        CancellationToken cancellationToken = default)
    {
        var (taskId, callId) = NextCall("extract");
        var task = new ExtractTask(taskId, SessionId, callId, new ExtractInput(text, Unwrap(schema), instructions));
        return (await _client.SendAsync(task, cancellationToken).ConfigureAwait(false)).Result;
    }

    /// <summary>Choose one tool for a request and fill its arguments (the tool is not executed).</summary>
    [Description("Route a request to exactly one tool from a given list and fill that tool's arguments from the request. Does not execute the tool. Returns a JSON object {\"name\": \"<tool name>\", \"arguments\": {...}} whose arguments validate against the chosen tool's parameters schema.")]
    public async Task<ToolCallResult> CallToolAsync(
        [Description("The user's request, verbatim.")] string request,
        [Description("The tools to choose from: a JSON array of objects {\"name\": string, \"description\": string, \"parameters\": <JSON schema object of the arguments>}, at least one, names unique.")] JsonElement tools,
        CancellationToken cancellationToken = default)
    {
        var input = new ToolCallInput(request, ReadTools(Unwrap(tools)));
        var (taskId, callId) = NextCall("call_tool");
        var task = new ToolCallTask(taskId, SessionId, callId, input);
        return (await _client.SendAsync(task, cancellationToken).ConfigureAwait(false)).ResultAs<ToolCallResult>();
    }

    /// <summary>Summarize a text within a word budget.</summary>
    [Description("Summarize a text in at most max_words words, keeping the facts that matter. Returns a JSON object {\"summary\": \"...\"}.")]
    public async Task<SummarizeResult> SummarizeAsync(
        [Description("The text to summarize, verbatim.")] string text,
        [Description("Upper bound on the summary's length in words (1 to 2000).")] int max_words = 60,
        CancellationToken cancellationToken = default)
    {
        var (taskId, callId) = NextCall("summarize");
        var task = new SummarizeTask(taskId, SessionId, callId, new SummarizeInput(text, max_words));
        return (await _client.SendAsync(task, cancellationToken).ConfigureAwait(false)).ResultAs<SummarizeResult>();
    }

    /// <summary>
    /// The four functions as <see cref="AIFunction"/>s named <see cref="Names"/>, with the descriptions above; arguments are
    /// bound and results serialized with <see cref="HeteroJson.Options"/> (snake_case: <c>{"label":"refund"}</c>). A bad
    /// argument throws <see cref="ArgumentException"/> naming the parameter before anything is published.
    /// </summary>
    public IReadOnlyList<AIFunction> AsAIFunctions() =>
    [
        Create(ClassifyAsync, "classify"),
        Create(ExtractAsync, "extract"),
        Create(CallToolAsync, "call_tool"),
        Create(SummarizeAsync, "summarize"),
    ];

    private static AIFunction Create(Delegate method, string name) =>
        new RequiredArgumentsFunction(AIFunctionFactory.Create(method, new AIFunctionFactoryOptions { Name = name, SerializerOptions = HeteroJson.Options }));

    // The call's custom id (function name and a per-session counter) and its deterministic task id.
    private (Guid TaskId, string CallId) NextCall(string function)
    {
        var callId = function + "-" + Interlocked.Increment(ref _calls).ToString(CultureInfo.InvariantCulture);
        return (TaskIds.Create(SessionId, callId), callId);
    }

    /// <summary>Models sometimes pass a JSON value as a JSON-encoded string; accept both.</summary>
    private static JsonElement Unwrap(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        var text = value.GetString()!;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return value; // left as a string: validation names the parameter and the problem
        }
    }

    /// <summary>
    /// The tool list through the one reader of tool lists (the <c>tool_call</c> kind's, as batch lines and escalations are
    /// read): objects with <c>name</c>, <c>description</c> and <c>parameters</c>, nothing else. A model that wrote the list
    /// or a tool's <c>parameters</c> as a JSON-encoded string gets it parsed first. A shape error names <c>tools[i]...</c>.
    /// </summary>
    private static IReadOnlyList<ToolDefinition> ReadTools(JsonElement tools)
    {
        var list = JsonNode.Parse(tools.GetRawText());
        if (list is JsonArray array)
        {
            foreach (var tool in array.OfType<JsonObject>())
            {
                if (tool["parameters"] is JsonValue encoded && encoded.GetValueKind() == JsonValueKind.String
                    && Unwrap(JsonSerializer.SerializeToElement(encoded)) is { ValueKind: JsonValueKind.Object } parsed)
                {
                    tool["parameters"] = JsonNode.Parse(parsed.GetRawText());
                }
            }
        }

        try
        {
            return TaskKinds.ToolCall.ReadInput(JsonSerializer.SerializeToElement(new JsonObject { ["tools"] = list })).Tools;
        }
        catch (InputShapeException ex)
        {
            throw new ArgumentException(ex.Message.StartsWith("input.", StringComparison.Ordinal) ? ex.Message["input.".Length..] : ex.Message, nameof(tools), ex);
        }
    }
}
