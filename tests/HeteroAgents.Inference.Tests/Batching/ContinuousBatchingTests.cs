using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Batching;

/// <summary>
/// Continuous batching must be invisible in the output: a sequence that joins a running batch (left-padded rows for
/// plain attention, right-padded for GroupQueryAttention, with or without a shared past/present buffer) decodes the
/// same tokens with the same log-probabilities as it does alone.
/// </summary>
public sealed class ContinuousBatchingTests
{
    private static readonly string[] Texts = ["alpha", "bravo charlie delta echo foxtrot golf hotel", "india juliet", "kilo lima mike november oscar papa quebec romeo sierra tango"];

    public static TheoryData<string, bool?> Layouts => new()
    {
        { "tiny", null },
        { "tiny-qwen2", null },
        { "tiny-fused", true },
        { "tiny-fused", false },
        { "tiny-fused-int8", true },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Sequences_joining_a_running_batch_decode_exactly_as_alone(string variant, bool? sharedBuffer)
    {
        using var model = Load(variant, sharedBuffer, o => o.MaxBatchSize = 4);
        Assert.Equal(sharedBuffer == true, model.Signature.SharedBuffer);
        var generator = new TextGenerator(model);
        var prompts = Texts.Select(t => generator.EncodeChat([new ChatTurn("user", t)])).ToList();
        // Long enough (a fixed 300 tokens) that every sequence is still running when the next one joins.
        int[] allowed = [.. Enumerable.Range(256, 700)];
        GenerationOptions Options() => new() { MaxTokens = 300, Constraint = new AllowedTokensConstraint(allowed, 300) };
        var alone = new List<GenerationResult>();
        foreach (var p in prompts)
        {
            alone.Add(await generator.GenerateAsync(p, Options()));
        }

        var before = model.BatchStatistics;
        var together = await RunStaggered(generator, prompts, Options);
        var stats = model.BatchStatistics;

        for (var i = 0; i < prompts.Count; i++)
        {
            Assert.Equal(alone[i].Tokens.Select(t => t.TokenId), together[i].Select(t => t.TokenId));
            Assert.Equal(alone[i].Text, string.Concat(together[i].Select(t => t.TextDelta)));
            for (var j = 0; j < together[i].Count; j++)
            {
                Assert.InRange(Math.Abs(alone[i].Tokens[j].LogProbability - together[i][j].LogProbability), 0, 1e-3);
            }
        }

        var steps = stats.DecodeSteps - before.DecodeSteps;
        Assert.True((stats.RowSteps - before.RowSteps) > steps, $"no decode step ran more than one sequence ({steps} steps)");
    }

    [Fact]
    public async Task Each_sequence_keeps_its_own_constraint_and_stop_conditions_in_a_shared_batch()
    {
        using var model = Load("tiny", null, o => o.MaxBatchSize = 4);
        var generator = new TextGenerator(model);
        var prompt = generator.EncodeChat([new ChatTurn("user", "pick letters")]);
        int[] low = [.. Enumerable.Range(300, 40)];
        int[] high = [.. Enumerable.Range(700, 40)];
        var a = generator.GenerateAsync(prompt, new GenerationOptions { MaxTokens = 60, Constraint = new AllowedTokensConstraint(low, 30) });
        var b = generator.GenerateAsync(prompt, new GenerationOptions { MaxTokens = 60, Constraint = new AllowedTokensConstraint(high, 12) });
        var c = generator.GenerateAsync(prompt, new GenerationOptions { MaxTokens = 7, StopTokenIds = [] });

        var results = await Task.WhenAll(a, b, c);

        Assert.All(results[0].Tokens.SkipLast(1), t => Assert.Contains(t.TokenId, low));
        Assert.All(results[1].Tokens.SkipLast(1), t => Assert.Contains(t.TokenId, high));
        Assert.True(results[0].Tokens.Count >= 30);
        Assert.InRange(results[1].Tokens.Count, 12, 13);
        Assert.True(results[2].Tokens.Count <= 7);
    }

    [Fact]
    public async Task Cancelling_one_sequence_leaves_the_others_unchanged()
    {
        using var model = Load("tiny", null, o => o.MaxBatchSize = 4);
        var generator = new TextGenerator(model);
        var prompts = Texts.Take(2).Select(t => generator.EncodeChat([new ChatTurn("user", t)])).ToList();
        var options = new GenerationOptions { MaxTokens = 200, StopTokenIds = [], Constraint = null };
        var alone = await generator.GenerateAsync(prompts[0], options);

        using var cts = new CancellationTokenSource();
        var kept = generator.GenerateAsync(prompts[0], options);
        var seen = 0;
        var cancelled = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in generator.StreamAsync(prompts[1], options, cts.Token))
            {
                if (++seen == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });

        await cancelled;
        Assert.Equal(3, seen);
        Assert.Equal(alone.Tokens.Select(t => t.TokenId), (await kept).Tokens.Select(t => t.TokenId));
    }

    [Fact]
    public async Task The_running_batch_stays_within_its_kv_budget()
    {
        // Tiny model: 512 bytes of KV per token (both buffer sets: 1 KiB); a 1 MiB budget holds two rows of ~460 tokens.
        using var model = Load("tiny", null, o => (o.MaxBatchSize, o.KvCacheMegabytes) = (8, 1));
        var generator = new TextGenerator(model);
        var prompts = Texts.Select(t => generator.EncodeChat([new ChatTurn("user", t)])).ToList();
        var options = new GenerationOptions { MaxTokens = 440, StopTokenIds = [] };

        var results = await Task.WhenAll(prompts.Select(p => generator.GenerateAsync(p, options)));

        Assert.All(results, r => Assert.NotEmpty(r.Tokens));
        var stats = model.BatchStatistics;
        Assert.True(stats.PeakKvBytes <= 1 << 20, $"peak {stats.PeakKvBytes} bytes");
        Assert.True(stats.PeakKvBytes > 0);
        Assert.True(stats.MeanBatchSize <= 2.0, $"mean batch {stats.MeanBatchSize}");
        // A finished sequence's caller may resume just before the scheduler thread removes its row: wait for that.
        Assert.True(SpinWait.SpinUntil(() => model.BatchStatistics.KvBytes == 0, TimeSpan.FromSeconds(10)), $"KV still held: {model.BatchStatistics.KvBytes} bytes");
    }

    [Fact]
    public async Task The_allocated_kv_follows_the_rows_in_the_batch_not_its_maximum_size()
    {
        // Tiny model: 1 KiB of KV per token and row (both buffer sets). Eight rows were allowed, but one sequence at a
        // time (24 + 40 tokens) must not hold KV for eight, and the buffers go back when the batch empties.
        using var model = Load("tiny", null, o => (o.MaxBatchSize, o.KvCacheMegabytes) = (8, 64));
        var generator = new TextGenerator(model);
        var prompt = generator.EncodeChat([new ChatTurn("user", Texts[0])]);
        var options = new GenerationOptions { MaxTokens = 40, StopTokenIds = [] };

        for (var i = 0; i < 3; i++)
        {
            await generator.GenerateAsync(prompt, options);
        }

        var stats = model.BatchStatistics;
        Assert.True(stats.PeakKvBytes <= 2L * (prompt.Count + 40 + 64) * 1024, $"peak {stats.PeakKvBytes} bytes for one row of {prompt.Count + 40} tokens");
        // A finished sequence's caller may resume just before the scheduler thread removes its row: wait for that.
        Assert.True(SpinWait.SpinUntil(() => model.BatchStatistics.KvBytes == 0, TimeSpan.FromSeconds(10)), $"KV still held: {model.BatchStatistics.KvBytes} bytes");
    }

    [Fact]
    public async Task Disposing_the_model_fails_waiting_requests_instead_of_hanging()
    {
        var model = Load("tiny", null, o => o.MaxBatchSize = 1);
        var generator = new TextGenerator(model);
        var prompt = generator.EncodeChat([new ChatTurn("user", "x")]);
        var options = new GenerationOptions { MaxTokens = 400, StopTokenIds = [] };
        var requests = Enumerable.Range(0, 3).Select(_ => generator.GenerateAsync(prompt, options)).ToList();

        model.Dispose();

        foreach (var r in requests)
        {
            try
            {
                await r.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    internal static OnnxLanguageModel Load(string variant, bool? sharedBuffer, Action<OnnxModelOptions> configure)
    {
        if (sharedBuffer is not { } share)
        {
            return TinyModel.Load(variant, configure);
        }

        var options = TinyModel.Options(TinyModel.WithSharedBuffer(variant, share));
        configure(options);
        return OnnxLanguageModel.Load(options);
    }

    /// <summary>Starts the first request, and each further one after the previous has streamed two tokens.</summary>
    private static async Task<List<GenerationStep>[]> RunStaggered(TextGenerator generator, List<IReadOnlyList<int>> prompts, Func<GenerationOptions> options)
    {
        var results = new List<GenerationStep>[prompts.Count];
        var tasks = new List<Task>();
        for (var i = 0; i < prompts.Count; i++)
        {
            var index = i;
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            tasks.Add(Task.Run(async () =>
            {
                var steps = new List<GenerationStep>();
                await foreach (var step in generator.StreamAsync(prompts[index], options()))
                {
                    steps.Add(step);
                    if (steps.Count == 2)
                    {
                        started.TrySetResult();
                    }
                }

                started.TrySetResult();
                results[index] = steps;
            }));
            await started.Task;
        }

        await Task.WhenAll(tasks);
        return results;
    }
}
