using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Generation;

public sealed class TextGeneratorTests
{
    private static readonly TextGenerator Generator = new(TinyModel.Shared);

    private static IReadOnlyList<int> Prompt(string text = "Classify this ticket: my parcel never arrived.")
        => Generator.EncodeChat([new ChatTurn("user", text)]);

    [Fact]
    public async Task Greedy_with_kv_cache_equals_recomputing_the_whole_sequence_each_step()
    {
        var prompt = Prompt();
        var result = await Generator.GenerateAsync(prompt, new GenerationOptions { MaxTokens = 24, StopTokenIds = [] });

        var model = TinyModel.Shared;
        var sequence = prompt.ToList();
        foreach (var step in result.Tokens)
        {
            using var fresh = model.CreateState(1, sequence.Count, chunk: sequence.Count);
            fresh.Forward(sequence.ToArray(), sequence.Count, CancellationToken.None);
            var row = fresh.Row(0, sequence.Count - 1);
            var argmax = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(row);
            Assert.Equal(argmax, step.TokenId);
            Assert.Equal(row[argmax] - CandidateScorer.LogSumExp(row), step.LogProbability, 4);
            sequence.Add(step.TokenId);
        }

        Assert.True(result.Tokens.Count > 1);
    }

    [Fact]
    public async Task Concurrent_requests_give_the_same_outputs_as_sequential_ones()
    {
        var prompts = new[] { "alpha", "bravo charlie", "delta echo foxtrot", "golf" }.Select(Prompt).ToArray();
        var options = new GenerationOptions { MaxTokens = 16 };
        var sequential = new List<string>();
        foreach (var p in prompts)
        {
            sequential.Add(string.Join(',', (await Generator.GenerateAsync(p, options)).Tokens.Select(t => t.TokenId)));
        }

        var concurrent = await Task.WhenAll(prompts.Select(p => Task.Run(() => Generator.GenerateAsync(p, options))));

        Assert.Equal(sequential, concurrent.Select(r => string.Join(',', r.Tokens.Select(t => t.TokenId))));
    }

    [Fact]
    public async Task Max_tokens_limits_the_output()
    {
        var result = await Generator.GenerateAsync(Prompt(), new GenerationOptions { MaxTokens = 5, StopTokenIds = [] });

        Assert.True(result.Tokens.Count <= 5);
        if (result.Tokens.Count == 5)
        {
            Assert.Equal(GenerationFinishReason.Length, result.FinishReason);
        }
    }

    [Fact]
    public async Task Stop_sequence_cuts_the_text_before_it()
    {
        var constraint = new AllowedTokensConstraint(Letters(), 40);
        var full = await Generator.GenerateAsync(Prompt(), new GenerationOptions { MaxTokens = 40, Constraint = constraint });
        Assert.True(full.Text.Length >= 10, full.Text);
        var stop = full.Text.Substring(full.Text.Length / 2, 3);
        var cut = full.Text.IndexOf(stop, StringComparison.Ordinal);

        var stopped = await Generator.GenerateAsync(Prompt(), new GenerationOptions { MaxTokens = 40, Constraint = new AllowedTokensConstraint(Letters(), 40), StopSequences = [stop] });

        Assert.Equal(GenerationFinishReason.StopSequence, stopped.FinishReason);
        Assert.Equal(full.Text[..cut], stopped.Text);
    }

    [Fact]
    public async Task Streamed_deltas_concatenate_to_the_full_text_and_the_last_step_finishes()
    {
        var options = new GenerationOptions { MaxTokens = 20 };
        var whole = await Generator.GenerateAsync(Prompt(), options);

        var steps = new List<GenerationStep>();
        await foreach (var step in Generator.StreamAsync(Prompt(), options))
        {
            steps.Add(step);
        }

        Assert.Equal(whole.Text, string.Concat(steps.Select(s => s.TextDelta)));
        Assert.Equal(whole.FinishReason, steps[^1].FinishReason);
        Assert.All(steps[..^1], s => Assert.Null(s.FinishReason));
    }

    [Fact]
    public async Task Cancellation_stops_a_stream()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Generator.StreamAsync(Prompt(), new GenerationOptions { MaxTokens = 200, StopTokenIds = [] }, cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        });

        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task Seeded_sampling_is_reproducible_and_depends_on_the_seed()
    {
        GenerationOptions Options(int seed) => new() { MaxTokens = 30, Temperature = 1.5f, TopP = 0.95f, TopK = 200, Seed = seed, StopTokenIds = [] };
        var a = await Generator.GenerateAsync(Prompt(), Options(11));
        var b = await Generator.GenerateAsync(Prompt(), Options(11));
        var c = await Generator.GenerateAsync(Prompt(), Options(12));

        Assert.Equal(a.Tokens.Select(t => t.TokenId), b.Tokens.Select(t => t.TokenId));
        Assert.NotEqual(a.Tokens.Select(t => t.TokenId), c.Tokens.Select(t => t.TokenId));
    }

    [Fact]
    public async Task Constraint_hook_masks_logits_and_ends_generation_when_complete()
    {
        var allowed = new[] { 100, 200, 300, 400 };
        var constraint = new AllowedTokensConstraint(allowed, 6);

        var result = await Generator.GenerateAsync(Prompt(), new GenerationOptions { MaxTokens = 50, Constraint = constraint });

        Assert.Equal(6, result.Tokens.Count);
        Assert.All(result.Tokens, t => Assert.Contains(t.TokenId, allowed));
        Assert.Equal(GenerationFinishReason.Stop, result.FinishReason);
        Assert.Equal(6, constraint.MaskCalls);
        Assert.All(result.Tokens, t => Assert.True(t.LogProbability <= 0 && t.LogProbability > Math.Log(1e-9)));
        Assert.InRange(result.MinTokenProbability, 0.0, 1.0);
    }

    [Fact]
    public async Task Prompt_longer_than_the_context_window_is_rejected_with_the_limit()
    {
        var ids = Enumerable.Repeat(65, TinyModel.Shared.ContextWindow).ToArray();

        var ex = await Assert.ThrowsAsync<ContextWindowExceededException>(() => Generator.GenerateAsync(ids, new GenerationOptions()));

        Assert.Equal(TinyModel.Shared.ContextWindow, ex.ContextWindow);
        Assert.Contains(TinyModel.Shared.ContextWindow.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_vocabulary_prompt_ids_are_rejected_before_onnx_runtime()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Generator.GenerateAsync([1, 2, 99_999], new GenerationOptions()));

        Assert.Contains("99999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_is_run_once_and_each_further_token_costs_one_forward_pass()
    {
        using var model = HeteroAgents.Inference.Onnx.OnnxLanguageModel.Load(TinyModel.Options());
        var timer = new HeteroAgents.Inference.Onnx.RunTimer();
        model.Timer = timer;
        var prompt = new TextGenerator(model).EncodeChat([new ChatTurn("user", "count the passes")]);
        Assert.True(prompt.Count <= model.PrefillChunk);

        var result = await new TextGenerator(model).GenerateAsync(prompt, new GenerationOptions { MaxTokens = 10, StopTokenIds = [] });

        Assert.Equal(result.Tokens.Count, timer.Runs);
    }

    [Fact]
    public void Raw_prompt_gets_bos_only_when_the_tokenizer_config_asks()
    {
        var ids = Generator.EncodePrompt("hello");

        Assert.Equal(TinyModel.Shared.Tokenizer.Encode("hello"), ids);
    }

    private static int[] Letters()
    {
        var tokenizer = TinyModel.Shared.Tokenizer;
        return Enumerable.Range(0, tokenizer.VocabularySize)
            .Where(id => !tokenizer.IsSpecial(id) && tokenizer.Decode([id]) is { Length: > 0 } s && s.All(char.IsAsciiLetterLower))
            .ToArray();
    }
}
