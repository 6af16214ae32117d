using HeteroAgents.Testing.Tasks;
using HeteroAgents.Contracts;
using HeteroAgents.Worker.Prompts;
using HeteroAgents.Worker.Tests.Support;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Tests.Prompts;

public sealed class PromptBuilderTests
{
    [Fact]
    public void Classify_prompt_lists_the_labels_and_instructions_and_wraps_the_text()
    {
        var task = SampleTasks.Classify("Parcel late") with { Input = new ClassifyInput("Parcel late", ["refund", "shipping"], "shipping covers delivery delays") };

        var messages = new ClassifyPromptBuilder().Build(task);

        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        var user = messages[1].Text;
        Assert.Contains("Allowed labels: refund, shipping", user, StringComparison.Ordinal);
        Assert.Contains("Instructions: shipping covers delivery delays", user, StringComparison.Ordinal);
        Assert.EndsWith("<text>\nParcel late\n</text>", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_prompt_carries_the_callers_schema_and_wraps_the_text()
    {
        var task = SampleTasks.Extract(text: "Order A-1");

        var user = new ExtractPromptBuilder().Build(task)[1].Text;

        Assert.Contains(task.Input.Schema.GetRawText(), user, StringComparison.Ordinal);
        Assert.EndsWith("<text>\nOrder A-1\n</text>", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_call_prompt_lists_every_tool_with_its_parameters_and_wraps_the_request()
    {
        var task = SampleTasks.ToolCall("cancel 42");

        var user = new ToolCallPromptBuilder().Build(task)[1].Text;

        Assert.Contains("- track_order: Tracks an order Parameters: {", user, StringComparison.Ordinal);
        Assert.Contains("- cancel_order: Cancels an order Parameters: {", user, StringComparison.Ordinal);
        Assert.EndsWith("<request>\ncancel 42\n</request>", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_prompt_states_the_word_budget_and_wraps_the_text()
    {
        var user = new SummarizePromptBuilder().Build(SampleTasks.Summarize("Long story.", maxWords: 25))[1].Text;

        Assert.StartsWith("Summarize the text in at most 25 words.", user, StringComparison.Ordinal);
        Assert.EndsWith("<text>\nLong story.\n</text>", user, StringComparison.Ordinal);
    }
}
