using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Tasks;

namespace HeteroAgents.Contracts.Tests.Kinds;

public sealed class TaskKindRegistryTests
{
    [Fact]
    public void The_default_registry_holds_the_four_kinds_in_order_with_their_queues_and_types()
    {
        var kinds = TaskKindRegistry.Default;

        Assert.Equal(["classify", "extract", "tool_call", "summarize"], kinds.All.Select(k => k.WireName));
        Assert.Equal(["hetero-classify", "hetero-extract", "hetero-tool-call", "hetero-summarize"], kinds.All.Select(k => k.QueueName));
        Assert.Equal([typeof(ClassifyTask), typeof(ExtractTask), typeof(ToolCallTask), typeof(SummarizeTask)], kinds.All.Select(k => k.MessageType));
        Assert.Same(TaskKinds.ToolCall, kinds.Find(typeof(ToolCallTask)));
        Assert.Same(TaskKinds.Summarize, kinds.Get(TaskType.Summarize));
        Assert.True(kinds.TryGet(" Tool-Call ", out var toolCall));
        Assert.Same(TaskKinds.ToolCall, toolCall);
        Assert.False(kinds.TryGet("translate", out _));
    }

    [Fact]
    public void Every_task_message_names_its_own_kind()
    {
        ITaskMessage[] tasks = [SampleTasks.Classify(), SampleTasks.Extract(), SampleTasks.ToolCall(), SampleTasks.Summarize()];

        Assert.All(tasks, t => Assert.Same(TaskKindRegistry.Default.Get(t.Type), t.Kind));
        Assert.All(tasks, t => Assert.Same(t.Kind, TaskKindRegistry.Default.Find(t.GetType())));
    }

    [Fact]
    public void A_kind_reads_back_the_input_it_serializes()
    {
        foreach (ITaskMessage task in new ITaskMessage[] { SampleTasks.Classify(), SampleTasks.Extract(), SampleTasks.ToolCall(), SampleTasks.Summarize() })
        {
            var json = JsonSerializer.SerializeToElement(task.Kind.InputOf(task), task.Kind.InputType, HeteroJson.Options);
            var read = task.Kind.ReadTask(task.TaskId, task.BatchId, task.CustomId, json);

            Assert.Equal(JsonSerializer.Serialize(task, task.GetType(), HeteroJson.Options), JsonSerializer.Serialize(read, read.GetType(), HeteroJson.Options));
        }
    }

    [Fact]
    public void A_kind_is_registered_once()
    {
        var ex = Assert.Throws<ArgumentException>(() => TaskKindRegistry.Default.With(TaskKinds.Classify));

        Assert.Contains("classify", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_types_are_wire_names_that_sort_built_ins_first_and_round_trip_as_json()
    {
        Assert.Equal(TaskType.ToolCall, TaskType.Named("tool-call"));
        Assert.Equal("echo", TaskType.Named("Echo").WireName);
        Assert.Throws<ArgumentException>(() => TaskType.Named("9lives"));
        Assert.Throws<ArgumentException>(() => TaskType.Named("a b"));
        Assert.Equal([TaskType.Classify, TaskType.Extract, TaskType.ToolCall, TaskType.Summarize, TaskType.Named("echo")],
            new[] { TaskType.Named("echo"), TaskType.Summarize, TaskType.ToolCall, TaskType.Extract, TaskType.Classify }.Order());

        var json = JsonSerializer.Serialize(new Dictionary<TaskType, TaskType> { [TaskType.ToolCall] = TaskType.Named("echo") }, HeteroJson.Options);
        Assert.Equal("""{"tool_call":"echo"}""", json);
        Assert.Equal(TaskType.Named("echo"), JsonSerializer.Deserialize<Dictionary<TaskType, TaskType>>(json, HeteroJson.Options)![TaskType.ToolCall]);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TaskType>("\"not a type\"", HeteroJson.Options));
    }
}
