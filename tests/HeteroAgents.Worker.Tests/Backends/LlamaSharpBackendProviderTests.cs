using HeteroAgents.Contracts;
using HeteroAgents.Testing.Models;
using HeteroAgents.Testing.Tasks;
using HeteroAgents.Worker.Tests.Support;
using NJsonSchema;

namespace HeteroAgents.Worker.Tests.Backends;

/// <summary>
/// The worker pipeline on the LLamaSharp backend: <c>--model</c> pointing at a GGUF file (the tiny project-built model)
/// selects it, llama.cpp runs it, and the constrained-decoding engine keeps results schema-valid.
/// </summary>
public sealed class LlamaSharpBackendProviderTests
{
    private static readonly Lazy<string> Gguf = new(() => Path.Combine(TinyModels.LlamaWithGguf, "model.gguf"));

    [Fact]
    public async Task A_gguf_model_path_selects_llamasharp_and_tasks_complete_schema_valid_or_escalate_with_a_reason()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hetero:Slm:ModelPath"] = Gguf.Value,
            ["Hetero:Slm:MaxOutputTokens"] = "96",
            ["Hetero:LlamaSharp:Threads"] = "1",
            ["Hetero:LlamaSharp:ContextSize"] = "512",
            ["Hetero:Onnx:Decoding:MaxStringLength"] = "16",
            ["Hetero:Worker:ConfidenceThreshold"] = "0",
        };
        await using var worker = await WorkerHarness.StartAsync(null, settings, TaskType.Classify, TaskType.Extract);
        var completed = 0;
        foreach (var task in SupportTickets.Tasks("gguf-").Where(t => t.Type == TaskType.Classify || t.Type == TaskType.Extract))
        {
            var outcome = task switch
            {
                ClassifyTask c => await worker.RunAsync(c),
                ExtractTask e => await worker.RunAsync(e),
                _ => throw new ArgumentOutOfRangeException(nameof(task)),
            };

            Assert.IsNotType<TaskFailed>(outcome);
            if (outcome is TaskCompleted done)
            {
                completed++;
                var schema = await JsonSchema.FromJsonAsync(ResultSchemas.ToJsonString(ResultSchemas.For(task)));
                Assert.Empty(schema.Validate(done.Result.GetRawText()));
                Assert.Equal("slm:model", done.ServedBy);
                Assert.True(done.Usage.OutputTokens > 0);
                // A confidence is reported; a random-weight model's own label probability can be as small as 1e-15.
                Assert.InRange(done.Confidence!.Value, 0.0, 1.0);
            }
            else
            {
                var escalated = Assert.IsType<TaskEscalated>(outcome);
                Assert.NotEqual(EscalationReason.BackendError, escalated.Reason);
            }
        }

        Assert.True(completed >= 1);
    }
}
