using HeteroAgents.Contracts;
using HeteroAgents.Worker.Prompts;
using HeteroAgents.Worker.Routing;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Tests.Prompts;

/// <summary>In-context examples: opt-in per rule, the workload's most similar ones, after the system message.</summary>
public sealed class InContextExamplesTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public InContextExamplesTests() => File.WriteAllLines(_file,
    [
        new InContextExample("tickets", "classify", "My parcel from order 1 is two weeks late and tracking has not moved.", """{"label":"shipping_delay"}""").ToJsonLine(),
        new InContextExample("tickets", "classify", "Please refund the blender I sent back last month.", """{"label":"refund_request"}""").ToJsonLine(),
        new InContextExample("tickets", "classify", "The lamp arrived with a cracked shade.", """{"label":"damaged_item"}""").ToJsonLine(),
        new InContextExample("billing", "classify", "My parcel from order 9 is two weeks late and tracking has not moved.", """{"label":"other"}""").ToJsonLine(),
        string.Empty,
    ]);

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void The_most_similar_examples_of_the_tasks_workload_go_after_the_system_message()
    {
        var examples = new InContextExamples(Microsoft.Extensions.Options.Options.Create(new RoutingOptions { ExamplesFile = _file }));
        var task = Task("tickets", "My parcel from order 7 is three weeks late and tracking has not moved.");
        var prompt = new ClassifyPromptBuilder().Build(task);

        var one = examples.Apply(prompt, task, 1);
        var two = examples.Apply(prompt, task, 2);

        Assert.Equal(4, examples.Count);
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], one.Select(m => m.Role));
        Assert.Contains("order 1 is two weeks late", one[1].Text, StringComparison.Ordinal);
        Assert.Contains("<text>", one[1].Text, StringComparison.Ordinal);
        Assert.Equal("""{"label":"shipping_delay"}""", one[2].Text);
        Assert.Equal(prompt[^1].Text, one[^1].Text);
        Assert.Equal(6, two.Count);
        Assert.DoesNotContain(two, m => m.Text.Contains("order 9", StringComparison.Ordinal)); // another workload's
    }

    [Fact]
    public void No_examples_without_a_count_a_workload_or_examples_of_it_and_never_the_task_itself()
    {
        var examples = new InContextExamples(Microsoft.Extensions.Options.Options.Create(new RoutingOptions { ExamplesFile = _file }));
        var text = "The lamp arrived with a cracked shade.";
        var prompt = new ClassifyPromptBuilder().Build(Task("tickets", text));

        Assert.Same(prompt, examples.Apply(prompt, Task("tickets", text), 0));
        Assert.Same(prompt, examples.Apply(prompt, Task(null, text), 3));
        Assert.Same(prompt, examples.Apply(prompt, Task("orders", text), 3));
        Assert.DoesNotContain(examples.Apply(prompt, Task("tickets", text), 3).Take(7), m => m.Role == ChatRole.User && m.Text.Contains("Example.", StringComparison.Ordinal) && m.Text.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_file_is_reloaded_and_a_bad_one_keeps_the_examples_in_force()
    {
        var examples = new InContextExamples(Microsoft.Extensions.Options.Options.Create(new RoutingOptions { ExamplesFile = _file }));
        var task = Task("orders", "Where is the invoice for order 12?");
        var prompt = new ClassifyPromptBuilder().Build(task);
        Assert.False(examples.Reload()); // unchanged
        Assert.Same(prompt, examples.Apply(prompt, task, 1));

        File.AppendAllLines(_file, [new InContextExample("orders", "classify", "Send me the invoice for order 3.", """{"label":"other"}""").ToJsonLine()]);
        Assert.True(examples.Reload());
        Assert.Equal(5, examples.Count);
        Assert.Contains(examples.Apply(prompt, task, 1), m => m.Text.Contains("invoice for order 3", StringComparison.Ordinal));

        File.AppendAllLines(_file, ["{not json"]);
        Assert.False(examples.Reload());
        Assert.False(examples.Reload()); // the same bad file is reported once
        Assert.Equal(5, examples.Count);
        Assert.Contains(examples.Apply(prompt, task, 1), m => m.Text.Contains("invoice for order 3", StringComparison.Ordinal));

        File.Delete(_file);
        Assert.False(examples.Reload());
        Assert.Equal(5, examples.Count);
    }

    [Fact]
    public void A_bad_examples_file_names_the_line_at_fault()
    {
        File.AppendAllLines(_file, ["""{"workload":"tickets","task":"classfy","material":"x","answer":"{}"}"""]);

        var ex = Assert.Throws<FormatException>(() => InContextExamples.Read(_file));

        Assert.Equal($"{_file}:6: task 'classfy' is not a task type", ex.Message);
    }

    private static ClassifyTask Task(string? workload, string text) =>
        new(Guid.NewGuid(), "b", "c", new ClassifyInput(text, ["refund_request", "shipping_delay", "damaged_item"])) { WorkloadId = workload };
}
