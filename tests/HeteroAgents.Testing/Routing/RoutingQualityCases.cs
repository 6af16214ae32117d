using HeteroAgents.Contracts;

namespace HeteroAgents.Testing.Routing;

/// <summary>
/// The labelled batch of the routing-quality benchmark: per task type, cases whose simulated SLM answer is right and
/// confident (half), right but unsure, wrong and unsure, hallucinated (confident, with a value absent from the source)
/// and wrong but confident with every value in the source. Summaries are right or hallucinated. Deterministic for a
/// seed.
/// </summary>
public static class RoutingQualityCases
{
    // Out of 40: 20 right and confident, 5 right but unsure, 5 wrong and unsure, 6 hallucinated, 4 wrong but confident.
    private static readonly (SimulatedBehaviour Behaviour, int Share)[] Mix =
    [
        (SimulatedBehaviour.RightConfident, 20), (SimulatedBehaviour.RightUnsure, 5), (SimulatedBehaviour.WrongUnsure, 5),
        (SimulatedBehaviour.Hallucinated, 6), (SimulatedBehaviour.WrongConfident, 4),
    ];

    /// <summary>The cases: <paramref name="perType"/> of each task type.</summary>
    public static IReadOnlyList<RoutingCase> Create(int perType = 80, int seed = 20261205)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perType, 1);
        var rng = new Random(seed);
        var cases = new List<RoutingCase>();
        foreach (var type in TaskTypes.All)
        {
            var behaviours = Behaviours(type, perType, rng);
            for (var i = 0; i < perType; i++)
            {
                var id = $"{type.ToWireName()}-{i:D3}";
                var facts = new CaseFacts(rng);
                cases.Add(type == TaskType.Classify ? ClassifyCases.Create(id, behaviours[i], facts)
                    : type == TaskType.Extract ? ExtractCases.Create(id, behaviours[i], facts)
                    : type == TaskType.ToolCall ? ToolCallCases.Create(id, behaviours[i], facts)
                    : SummarizeCases.Create(id, behaviours[i], facts));
            }
        }

        return cases;
    }

    /// <summary>Writes <paramref name="cases"/> as a batch input file, one line each.</summary>
    public static async Task WriteBatchAsync(IEnumerable<RoutingCase> cases, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        await File.WriteAllLinesAsync(path, cases.Select(c => c.BatchLine), cancellationToken).ConfigureAwait(false);
    }

    private static List<SimulatedBehaviour> Behaviours(TaskType type, int count, Random rng)
    {
        // A label cannot be absent from the source, and a summary has no token-level doubt the worker uses: classify has
        // no hallucinated cases (they count as wrong and confident), summaries are right or hallucinated.
        var pattern = Mix.SelectMany(m => Enumerable.Repeat(m.Behaviour, m.Share)).ToArray();
        var list = new List<SimulatedBehaviour>();
        for (var i = 0; i < count; i++)
        {
            // Evenly spaced over the 40-slot pattern, so any count keeps the mix's proportions.
            var behaviour = pattern[(int)((long)i * pattern.Length / count)];
            list.Add((type == TaskType.Classify, type == TaskType.Summarize) switch
            {
                (true, _) when behaviour == SimulatedBehaviour.Hallucinated => SimulatedBehaviour.WrongConfident,
                (_, true) when behaviour is SimulatedBehaviour.RightUnsure => SimulatedBehaviour.RightConfident,
                (_, true) when behaviour is SimulatedBehaviour.WrongUnsure or SimulatedBehaviour.WrongConfident => SimulatedBehaviour.Hallucinated,
                _ => behaviour,
            });
        }

        return [.. list.OrderBy(_ => rng.Next())];
    }
}
