using HeteroAgents.Testing.Tasks;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Worker.Tests.Support;

namespace HeteroAgents.Worker.Tests.Testing;

/// <summary>The fake server's answering rules, driven through the real worker pipeline (harness + OpenAI-compatible backend).</summary>
public sealed class FakeOpenAiCompatibleServerTests
{
    private static Task<WorkerHarness> StartWorkerAsync(FakeOpenAiCompatibleServer server) =>
        WorkerHarness.StartAsync(chat: null, new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = server.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
            ["Hetero:Worker:ConfidenceThreshold"] = "0.5",
        });

    [Fact]
    public async Task Classify_answers_the_first_label_mentioned_in_the_text()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        await using var worker = await StartWorkerAsync(server);

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(SampleTasks.Classify("I want a refund for the shipping fee")));

        Assert.Equal("refund", completed.Result.GetProperty("label").GetString());
        Assert.Equal("slm:fake-slm", completed.ServedBy);
        // The label's probability: the three 4-character tokens that wrote "refund" (':"re', 'fund', '"}'), each at 0.99.
        Assert.Equal(Math.Pow(0.99, 3), completed.Confidence!.Value, 5);
    }

    [Fact]
    public async Task Tool_call_picks_the_mentioned_tool_and_fills_arguments_from_the_request()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        await using var worker = await StartWorkerAsync(server);

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(SampleTasks.ToolCall("Please cancel order 4711 today")));

        Assert.Equal("cancel_order", completed.Result.GetProperty("name").GetString());
        Assert.Equal("4711", completed.Result.GetProperty("arguments").GetProperty("order_id").GetString());
        Assert.False(completed.Result.GetProperty("arguments").GetProperty("notify").GetBoolean());
    }

    [Fact]
    public async Task Summarize_answers_the_first_words_within_the_budget()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        await using var worker = await StartWorkerAsync(server);

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(SampleTasks.Summarize(maxWords: 5)));

        Assert.Equal("The customer ordered a blue", completed.Result.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Extract_copies_labelled_values_from_the_text()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        await using var worker = await StartWorkerAsync(server);

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(SampleTasks.Extract()));

        Assert.Equal("A-1234", completed.Result.GetProperty("order_number").GetString());
        Assert.Equal("jane@example.com", completed.Result.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Extract_of_a_required_value_the_text_lacks_escalates()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        await using var worker = await StartWorkerAsync(server);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Extract(
            text: "Hello, I have a question about my account.",
            schema: """{"type":"object","properties":{"tracking_code":{"type":"string"}},"required":["tracking_code"]}""")));

        Assert.Equal(EscalationReason.SemanticInvalid, escalated.Reason);
        Assert.Contains(FakeOpenAiAnswers.NotFound, escalated.RawOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serves_many_concurrent_requests_and_records_them_all()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress + "/") };
        var schema = JsonNode.Parse("""{"type":"object","properties":{"label":{"type":"string","enum":["a","b"]}},"required":["label"]}""");

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            var body = new JsonObject
            {
                ["model"] = "m",
                ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = $"<text>\nitem {i} is b\n</text>" }),
                ["response_format"] = new JsonObject
                {
                    ["type"] = "json_schema",
                    ["json_schema"] = new JsonObject { ["name"] = "r", ["schema"] = schema!.DeepClone() },
                },
            };
            using var response = await http.PostAsJsonAsync("chat/completions", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        }));

        Assert.All(responses, r => Assert.Equal("""{"label":"b"}""", r));
        Assert.Equal(64, server.RequestCount);
        Assert.Equal(64, server.Requests.Count);
    }

    [Fact]
    public async Task Scripted_failures_and_responder_override_the_rules()
    {
        await using var server = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { Responder = r => r.UserText.Contains("override", StringComparison.Ordinal) ? """{"label":"other"}""" : null });
        await using var worker = await StartWorkerAsync(server);
        server.FailNext(1, 500);

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(SampleTasks.Classify("please override: refund")));

        Assert.Equal("other", completed.Result.GetProperty("label").GetString());
        Assert.Equal(2, server.RequestCount); // the 500 was retried by the endpoint's retry policy
    }
}
