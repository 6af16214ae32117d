using System.Text;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Plugins.Tests.Validation;

/// <summary>
/// The same bad input is rejected with the same code, field and message wherever it enters: as a batch line
/// (<see cref="TaskInputParser"/>), as a message consumed by a real worker (its <see cref="TaskFailed"/>), and as an SK
/// plugin call (<see cref="HeteroTaskClient"/>'s <see cref="ArgumentException"/>, before anything is published).
/// </summary>
public sealed class InputRulesAgreementTests : IAsyncLifetime
{
    private const string BatchId = "agree";
    private PluginTestHost? _host;

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        // task, input object, expected field, expected plugin parameter
        { "classify", """{"text":"Where is my parcel?","labels":["only-one"]}""", "input.labels", "labels" },
        { "classify", """{"text":"Where is my parcel?","labels":["a","b","a"]}""", "input.labels", "labels" },
        { "classify", """{"text":"   ","labels":["a","b"]}""", "input.text", "text" },
        { "extract", """{"text":"Order A-1","schema":"just a string"}""", "input.schema", "schema" },
        { "extract", """{"text":"Order A-1","schema":{"type":"string"}}""", "input.schema.type", "schema" },
        { "extract", """{"text":"Order A-1","schema":{"type":"object"}}""", "input.schema.properties", "schema" },
        { "extract", """{"text":"Order A-1","schema":{"type":"object","properties":{"a":{"$ref":"#/definitions/missing"}}}}""", "input.schema", "schema" },
        { "tool_call", """{"request":"Track A-1","tools":[]}""", "input.tools", "tools" },
        { "tool_call", """{"request":"Track A-1","tools":[{"name":"t","description":"d","parameters":{"type":"object","properties":{}}},{"name":"t","description":"d","parameters":{"type":"object","properties":{}}}]}""", "input.tools[1].name", "tools" },
        { "tool_call", """{"request":"Track A-1","tools":[{"name":"t","description":"d","parameters":{"type":"object","properties":{"n":{"type":"int"}}}}]}""", "input.tools[0].parameters.properties.n.type", "tools" },
        { "summarize", """{"text":"A long text.","max_words":0}""", "input.max_words", "max_words" },
        { "summarize", """{"text":"A long text.","max_words":5000}""", "input.max_words", "max_words" },
    };

    public async Task InitializeAsync() => _host = await PluginTestHost.StartAsync(new ScriptedChatClient(), frontier: null);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Batch_parser_worker_and_plugin_reject_the_same_input_alike(string taskType, string input, string field, string parameter)
    {
        var customId = Guid.NewGuid().ToString("N");
        var line = $$"""{"custom_id":"{{customId}}","task":"{{taskType}}","input":{{input}}}""";
        var task = ToTask(taskType, customId, input);

        // 1. The batch parser, reading the line.
        var parsed = new TaskInputParser(new TaskInputParserOptions()).Parse(Encoding.UTF8.GetBytes(line), 3, BatchId);
        var lineError = Assert.IsType<TaskError>(parsed.Error);
        Assert.Equal(field, lineError.Field);
        Assert.Equal(3, lineError.Line);

        // 2. A real worker, consuming the typed message (sent past the plugin's checks).
        var failed = Assert.IsType<TaskFailed>(await SendToWorkerAsync(task));
        Assert.Equal(lineError.Code, failed.Error.Code);
        Assert.Equal(lineError.Field, failed.Error.Field);
        Assert.Equal(lineError.Message, $"line 3: {failed.Error.Message}");

        // 3. The plugin's client, before publishing.
        var client = _host!.Services.GetRequiredService<HeteroTaskClient>();
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => SendThroughPluginAsync(client, task));
        Assert.Equal(parameter, ex.ParamName);
        Assert.StartsWith(failed.Error.Message, ex.Message, StringComparison.Ordinal);
    }

    private static ITaskMessage ToTask(string taskType, string customId, string input)
    {
        var id = TaskIds.Create(BatchId, customId);
        return taskType switch
        {
            "classify" => new ClassifyTask(id, BatchId, customId, Read<ClassifyInput>(input)),
            "extract" => new ExtractTask(id, BatchId, customId, Read<ExtractInput>(input)),
            "tool_call" => new ToolCallTask(id, BatchId, customId, Read<ToolCallInput>(input)),
            _ => new SummarizeTask(id, BatchId, customId, Read<SummarizeInput>(input)),
        };
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, HeteroJson.Options)!;

    private async Task<object> SendToWorkerAsync(ITaskMessage task)
    {
        var factory = _host!.Services.GetRequiredService<IClientFactory>();
        return task switch
        {
            ClassifyTask c => await AskAsync(factory, c),
            ExtractTask e => await AskAsync(factory, e),
            ToolCallTask t => await AskAsync(factory, t),
            SummarizeTask s => await AskAsync(factory, s),
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
    }

    private static async Task<object> AskAsync<TTask>(IClientFactory factory, TTask task)
        where TTask : class, ITaskMessage
    {
        var response = await factory.CreateRequestClient<TTask>(RequestTimeout.After(s: 20)).GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(task);
        return response.Message;
    }

    private static Task SendThroughPluginAsync(HeteroTaskClient client, ITaskMessage task) => task switch
    {
        ClassifyTask c => client.SendAsync(c),
        ExtractTask e => client.SendAsync(e),
        ToolCallTask t => client.SendAsync(t),
        SummarizeTask s => client.SendAsync(s),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}
