using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Generation;

public sealed class TokenSamplerTests
{
    private static readonly float[] Logits = [0f, 3f, 1f, 2.5f, -1f, 2.9f, 0.5f, -2f];
    private static readonly HashSet<int> NoStops = [];

    [Fact]
    public void Greedy_picks_the_argmax_and_reports_its_log_softmax()
    {
        using var sampler = new TokenSampler(Logits.Length, seed: null, sampling: false);

        var (token, logProb) = sampler.Select(Logits, new GenerationOptions(), null, NoStops);

        Assert.Equal(1, token);
        Assert.Equal(3 - Math.Log(Logits.Sum(l => Math.Exp(l))), logProb, 5);
    }

    [Fact]
    public void Constraint_mask_removes_tokens_and_renormalizes()
    {
        using var sampler = new TokenSampler(Logits.Length, seed: null, sampling: false);

        var (token, logProb) = sampler.Select(Logits, new GenerationOptions(), new AllowedTokensConstraint([2, 6], 1), NoStops);

        Assert.Equal(2, token);
        Assert.Equal(1 - Math.Log(Math.Exp(1) + Math.Exp(0.5)), logProb, 5);
        // What the model itself wanted: token 2 under the unmasked distribution.
        Assert.Equal(1 - Math.Log(Logits.Sum(l => Math.Exp(l))), sampler.LastRawLogProbability, 5);
    }

    [Fact]
    public void Without_a_constraint_the_raw_log_probability_is_the_reported_one()
    {
        using var sampler = new TokenSampler(Logits.Length, seed: null, sampling: false);

        var (_, logProb) = sampler.Select(Logits, new GenerationOptions(), null, NoStops);

        Assert.Equal(logProb, sampler.LastRawLogProbability);
    }

    [Fact]
    public void Stop_tokens_are_blocked_until_the_constraint_accepts()
    {
        using var sampler = new TokenSampler(Logits.Length, seed: null, sampling: false);
        var constraint = new AllowedTokensConstraint([6], 1);

        Assert.Equal(6, sampler.Select(Logits, new GenerationOptions(), constraint, new HashSet<int> { 1 }).Token);
        constraint.TryAdvance(6);
        Assert.Equal(1, sampler.Select(Logits, new GenerationOptions(), constraint, new HashSet<int> { 1 }).Token);
    }

    [Fact]
    public void Top_k_keeps_only_the_k_best()
    {
        using var sampler = new TokenSampler(Logits.Length, seed: 3, sampling: true);
        var options = new GenerationOptions { Temperature = 5f, TopK = 2 };

        var seen = Enumerable.Range(0, 300).Select(_ => sampler.Select(Logits, options, null, NoStops).Token).ToHashSet();

        Assert.Equal(new HashSet<int> { 1, 5 }, seen);
    }

    [Fact]
    public void Top_p_keeps_the_smallest_set_reaching_the_mass()
    {
        using var sampler = new TokenSampler(Logits.Length, seed: 5, sampling: true);
        var options = new GenerationOptions { Temperature = 1f, TopP = 0.6f };

        var seen = Enumerable.Range(0, 300).Select(_ => sampler.Select(Logits, options, null, NoStops).Token).ToHashSet();

        // Probabilities: 3 -> .35, 2.9 -> .32, 2.5 -> .21 ...: the top two reach 0.6.
        Assert.Equal(new HashSet<int> { 1, 5 }, seen);
    }

    [Fact]
    public void Sampling_without_truncation_follows_the_distribution()
    {
        using var sampler = new TokenSampler(Logits.Length, seed: 9, sampling: true);
        var counts = new int[Logits.Length];
        for (var i = 0; i < 20_000; i++)
        {
            counts[sampler.Select(Logits, new GenerationOptions { Temperature = 1f }, null, NoStops).Token]++;
        }

        var z = Logits.Sum(l => Math.Exp(l));
        for (var t = 0; t < Logits.Length; t++)
        {
            Assert.Equal(Math.Exp(Logits[t]) / z, counts[t] / 20_000.0, 1);
        }
    }
}
