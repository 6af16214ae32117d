using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins;

/// <summary>
/// Semantic Kernel functions that hand well-defined sub-tasks to the fleet of small, schema-constrained models
/// (classify, extract, call_tool, summarize). Each returns the validated result as a JSON object string; an SLM
/// escalation is resolved by the frontier model when one is configured. Import with
/// <c>kernel.Plugins.AddHeteroAgents(serviceProvider)</c>.
/// </summary>
public sealed class HeteroAgentsPlugin
{
    /// <summary>Prefix of the batch id of plugin sessions; batch-job components leave such tasks to the plugin.</summary>
    public const string SessionPrefix = "sk-";

    private readonly HeteroTaskClient _client;
    private long _calls;

    /// <summary>Creates a plugin instance; its tasks share one session id (the tasks' batch id, always starting with <see cref="SessionPrefix"/>).</summary>
    public HeteroAgentsPlugin(HeteroTaskClient client, string? sessionId = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        SessionId = string.IsNullOrEmpty(sessionId) ? SessionPrefix + Guid.NewGuid().ToString("N")
            : IsPluginSession(sessionId) ? sessionId : SessionPrefix + sessionId;
    }

    /// <summary>The session id: the batch id of every task this instance sends.</summary>
    public string SessionId { get; }

    /// <summary>Whether <paramref name="batchId"/> belongs to a plugin session rather than a batch job.</summary>
    public static bool IsPluginSession(string? batchId) => batchId?.StartsWith(SessionPrefix, StringComparison.Ordinal) == true;

    /// <summary>Classify a text into one label of a closed set.</summary>
    [KernelFunction("classify")]
    [Description("Classify a text into exactly one label from a closed set of labels (e.g. intent, topic, sentiment, priority). Served by a small specialised model; returns a JSON object {\"label\": \"<one of the labels>\"}.")]
    public async Task<string> ClassifyAsync(
        [Description("The text to classify, verbatim.")] string text,
        [Description("The allowed labels: at least two, unique. The answer is always exactly one of them.")] string[] labels,
        [Description("Optional guidance on what the labels mean or how to choose between them.")] string? instructions = null,
        CancellationToken cancellationToken = default)
    {
        var task = new ClassifyTask(default, SessionId, string.Empty, new ClassifyInput(text, labels ?? [], instructions));
        return (await SendAsync(task, "classify", cancellationToken).ConfigureAwait(false)).ResultJson;
    }

    /// <summary>Extract the fields of a JSON schema from a text.</summary>
    [KernelFunction("extract")]
    [Description("Extract structured fields from a text into a JSON object that follows the given JSON schema (e.g. order numbers, dates, names, amounts). Only values stated in the text are used. Returns the JSON object.")]
    public async Task<string> ExtractAsync(
        [Description("The source text to extract from, verbatim.")] string text,
        [Description("A JSON schema object with \"type\": \"object\" and \"properties\" describing each field to extract, e.g. {\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}},\"required\":[\"order_id\"]}.")] JsonElement schema,
        [Description("Optional guidance on how to fill the fields.")] string? instructions = null,
        CancellationToken cancellationToken = default)
    {
        var task = new ExtractTask(default, SessionId, string.Empty, new ExtractInput(text, Unwrap(schema), instructions));
        return (await SendAsync(task, "extract", cancellationToken).ConfigureAwait(false)).ResultJson;
    }

    /// <summary>Choose one tool for a request and fill its arguments.</summary>
    [KernelFunction("call_tool")]
    [Description("Route a request to exactly one tool from a given list and fill that tool's arguments from the request. Does not execute the tool. Returns a JSON object {\"name\": \"<tool name>\", \"arguments\": {...}} whose arguments validate against the chosen tool's parameters schema.")]
    public async Task<string> CallToolAsync(
        [Description("The user's request, verbatim.")] string request,
        [Description("The tools to choose from: a JSON array of objects {\"name\": string, \"description\": string, \"parameters\": <JSON schema object of the arguments>}, at least one, names unique.")] JsonElement tools,
        CancellationToken cancellationToken = default)
    {
        var task = new ToolCallTask(default, SessionId, string.Empty, new ToolCallInput(request, ReadTools(Unwrap(tools))));
        return (await SendAsync(task, "call_tool", cancellationToken).ConfigureAwait(false)).ResultJson;
    }

    /// <summary>Summarize a text within a word budget.</summary>
    [KernelFunction("summarize")]
    [Description("Summarize a text in at most max_words words, keeping the facts that matter. Returns a JSON object {\"summary\": \"...\"}.")]
    public async Task<string> SummarizeAsync(
        [Description("The text to summarize, verbatim.")] string text,
        [Description("Upper bound on the summary's length in words (1 to 2000).")] int max_words = 60,
        CancellationToken cancellationToken = default)
    {
        var task = new SummarizeTask(default, SessionId, string.Empty, new SummarizeInput(text, max_words));
        return (await SendAsync(task, "summarize", cancellationToken).ConfigureAwait(false)).ResultJson;
    }

    private Task<HeteroTaskResult> SendAsync<TTask>(TTask task, string function, CancellationToken cancellationToken)
        where TTask : class, ITaskMessage
    {
        var callId = function + "-" + Interlocked.Increment(ref _calls).ToString(CultureInfo.InvariantCulture);
        var taskId = TaskIds.Create(SessionId, callId);
        ITaskMessage identified = task switch
        {
            ClassifyTask c => c with { TaskId = taskId, CustomId = callId },
            ExtractTask e => e with { TaskId = taskId, CustomId = callId },
            ToolCallTask t => t with { TaskId = taskId, CustomId = callId },
            SummarizeTask s => s with { TaskId = taskId, CustomId = callId },
            _ => throw new ArgumentException($"Unknown task message type {task.GetType().Name}.", nameof(task)),
        };
        return _client.SendAsync((TTask)identified, cancellationToken);
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

    private static List<ToolDefinition> ReadTools(JsonElement tools)
    {
        if (tools.ValueKind != JsonValueKind.Array)
        {
            throw new ArgumentException($"tools must be a JSON array of tool objects; got a JSON {tools.ValueKind.ToString().ToLowerInvariant()}.", nameof(tools));
        }

        var list = new List<ToolDefinition>();
        var index = 0;
        foreach (var item in tools.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                throw new ArgumentException($"tools[{index}] must be an object with a string \"name\".", nameof(tools));
            }

            var description = item.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
            var parameters = item.TryGetProperty("parameters", out var p) ? Unwrap(p) : default;
            list.Add(new ToolDefinition(name.GetString()!, description, parameters));
            index++;
        }

        return list;
    }
}
