using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Plugins.Tests.Fakes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Plugins.Tests.Dispatch;

/// <summary>Oversized input fails with a located ArgumentException before anything reaches the bus.</summary>
public sealed class TaskInputSizeLimitTests
{
    private static Task<HarnessHost> StartAsync(int maxTextChars, int maxInputBytes) =>
        HarnessHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Hetero:Plugins:MaxTextChars"] = maxTextChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Hetero:Plugins:MaxInputBytes"] = maxInputBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            configureBus: (bus, _) => bus.AddConsumer<FakeClassifyWorker>(),
            configureServices: s => s.AddSingleton(new FakeClassifyWorkerScript(t =>
                new TaskCompleted(t.TaskId, t.BatchId, t.CustomId, TaskType.Classify, JsonDocument.Parse("""{"label":"shipping"}""").RootElement.Clone(), "slm:fake", 0.9, new TaskUsage(1, 1), 1))));

    private static ClassifyTask Classify(string text, int labels = 2) =>
        new(TaskIds.Create("size", text.Length + "-" + labels), "size", "c" + labels, new ClassifyInput(text, ["shipping", .. Enumerable.Range(1, labels - 1).Select(i => "label-" + i)]));

    [Fact]
    public async Task A_text_over_max_text_chars_fails_naming_the_field_and_nothing_is_sent()
    {
        await using var host = await StartAsync(maxTextChars: 50, maxInputBytes: 1_000_000);
        var client = host.Services.GetRequiredService<HeteroTaskClient>();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(Classify(new string('x', 51))));

        Assert.Equal("text", ex.ParamName);
        Assert.Contains("51 characters", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Hetero:Plugins:MaxTextChars", ex.Message, StringComparison.Ordinal);
        Assert.False(await host.Harness.Sent.Any<ClassifyTask>());
        Assert.False(await host.Harness.Published.Any<ClassifyTask>());
    }

    [Fact]
    public async Task A_message_over_max_input_bytes_fails_and_nothing_is_sent()
    {
        await using var host = await StartAsync(maxTextChars: 100_000, maxInputBytes: 2_048);
        var client = host.Services.GetRequiredService<HeteroTaskClient>();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(Classify("short text", labels: 300)));

        Assert.Equal("input", ex.ParamName);
        Assert.Contains("Hetero:Plugins:MaxInputBytes", ex.Message, StringComparison.Ordinal);
        Assert.False(await host.Harness.Sent.Any<ClassifyTask>());
    }

    [Fact]
    public async Task Input_within_the_limits_goes_through()
    {
        await using var host = await StartAsync(maxTextChars: 50, maxInputBytes: 2_048);

        var result = await host.Services.GetRequiredService<HeteroTaskClient>().SendAsync(Classify(new string('x', 50)));

        Assert.Equal("shipping", result.ResultAs<ClassifyResult>().Label);
    }

    [Theory]
    [InlineData(0, 4096)]
    [InlineData(10, 100)]
    public void Limits_out_of_range_fail_option_validation(int maxTextChars, int maxInputBytes)
    {
        var options = new HeteroPluginOptions { MaxTextChars = maxTextChars, MaxInputBytes = maxInputBytes };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
    }
}
