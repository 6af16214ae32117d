using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Worker.Tests.Support;

namespace HeteroAgents.Worker.Tests.Consumers;

/// <summary>The repository's realistic sample batch through the worker pipeline (in-memory bus, fake OpenAI-compatible server).</summary>
public sealed class SampleBatchTests
{
    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "support-tickets.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/support-tickets.jsonl not found above " + AppContext.BaseDirectory);
    }

    private static ITaskMessage ToTask(string line)
    {
        var batchLine = JsonSerializer.Deserialize<BatchInputLine>(line, HeteroJson.Options)!;
        var kind = TaskKindRegistry.Default.Get(TaskTypes.Parse(batchLine.Task));
        return kind.ReadTask(TaskIds.Create("samples", batchLine.CustomId), "samples", batchLine.CustomId, batchLine.Input);
    }

    [Fact]
    public async Task Every_sample_line_gets_exactly_one_outcome_and_completed_results_pass_the_checks()
    {
        var tasks = File.ReadLines(SamplePath()).Where(l => l.Length > 0).Select(ToTask).ToList();
        await using var server = FakeOpenAiCompatibleServer.Start();
        await using var worker = await WorkerHarness.StartAsync(chat: null, new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = server.BaseAddress.ToString(),
        });

        foreach (var task in tasks)
        {
            await worker.Harness.Bus.Publish(task, task.GetType());
        }

        var outcomes = new List<ITaskOutcome>();
        foreach (var task in tasks)
        {
            outcomes.AddRange(task switch
            {
                ClassifyTask => await worker.WaitForOutcomesAsync<ClassifyTask>(task.TaskId),
                ExtractTask => await worker.WaitForOutcomesAsync<ExtractTask>(task.TaskId),
                ToolCallTask => await worker.WaitForOutcomesAsync<ToolCallTask>(task.TaskId),
                _ => await worker.WaitForOutcomesAsync<SummarizeTask>(task.TaskId),
            });
        }

        Assert.Equal(tasks.Count, outcomes.Count);
        Assert.Equal(tasks.Select(t => t.CustomId).Order(), outcomes.Select(o => o.CustomId).Order());
        Assert.Empty(outcomes.OfType<TaskFailed>());
        Assert.DoesNotContain(outcomes.OfType<TaskEscalated>(), e => e.Reason == EscalationReason.BackendError);
        // The fake answers classify, tool_call and summarize within the schema; only extraction may miss values.
        var unexpected = outcomes.OfType<TaskEscalated>().Where(o => o.TaskType != TaskType.Extract).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Select(e => $"{e.CustomId}: {e.Reason}: {e.Detail} | {e.RawOutput}")));
        Assert.Contains(outcomes, o => o is TaskCompleted c && c.TaskType == TaskType.Extract);
    }
}
