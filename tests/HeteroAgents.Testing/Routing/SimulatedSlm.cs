using System.Text.Json.Nodes;
using HeteroAgents.Testing.OpenAi;

namespace HeteroAgents.Testing.Routing;

/// <summary>
/// A deterministic simulated SLM for the routing-quality benchmark: a <see cref="FakeOpenAiCompatibleServer"/> whose
/// <see cref="FakeOpenAiServerOptions.Completer"/> looks up the labelled <see cref="RoutingCase"/> by the material in
/// the prompt and answers its <see cref="RoutingCase.Answer"/> in 4-character tokens. Every token has probability
/// 0.995, except the first token of each value: <see cref="RoutingCase.ValueProbability"/>, or for the case's unsure
/// value <see cref="RoutingCase.UnsureProbability"/>. Not a model: it answers only the cases it was given.
/// </summary>
public static class SimulatedSlm
{
    private const double StructureProbability = 0.995;

    /// <summary>Starts the simulated SLM serving <paramref name="cases"/> (anything else gets the fake server's built-in answers).</summary>
    public static FakeOpenAiCompatibleServer Start(IReadOnlyList<RoutingCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var byMaterial = cases.ToDictionary(c => c.Material.Trim(), StringComparer.Ordinal);
        return FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions
        {
            Completer = request => byMaterial.TryGetValue(Material(request.UserText), out var found) ? Complete(found) : null,
        });
    }

    /// <summary>The tokens the simulated SLM answers <paramref name="routingCase"/> with.</summary>
    public static FakeOpenAiCompletion Complete(RoutingCase routingCase)
    {
        ArgumentNullException.ThrowIfNull(routingCase);
        var content = routingCase.Answer.ToJsonString(RoutingCase.Compact);
        var firstTokens = new Dictionary<int, double>();
        foreach (var (key, start) in ValueStarts(routingCase.Answer, content))
        {
            firstTokens[start / 4] = key == routingCase.UnsureKey ? routingCase.UnsureProbability : routingCase.ValueProbability;
        }

        var tokens = new List<(string, double)>();
        for (var i = 0; i < content.Length; i += 4)
        {
            var p = firstTokens.GetValueOrDefault(i / 4, StructureProbability);
            tokens.Add((content.Substring(i, Math.Min(4, content.Length - i)), Math.Log(p)));
        }

        return new FakeOpenAiCompletion(tokens);
    }

    // Where each leaf value of the answer starts in its compact text, by its key (top level, or inside "arguments").
    private static IEnumerable<(string Key, int Start)> ValueStarts(JsonNode answer, string content)
    {
        var offset = 0;
        foreach (var (key, value) in Leaves(answer))
        {
            var written = value.ToJsonString(RoutingCase.Compact);
            var at = content.IndexOf($"\"{key}\":{written}", offset, StringComparison.Ordinal);
            if (at >= 0)
            {
                offset = at + key.Length + 3;
                yield return (key, offset);
            }
        }
    }

    private static IEnumerable<(string Key, JsonNode Value)> Leaves(JsonNode node)
    {
        foreach (var (key, value) in node.AsObject())
        {
            if (value is JsonObject inner)
            {
                foreach (var leaf in Leaves(inner))
                {
                    yield return leaf;
                }
            }
            else if (value is not null)
            {
                yield return (key, value);
            }
        }
    }

    private static string Material(string prompt)
    {
        foreach (var (open, close) in new[] { ("<text>", "</text>"), ("<request>", "</request>") })
        {
            var start = prompt.IndexOf(open, StringComparison.Ordinal);
            var end = prompt.LastIndexOf(close, StringComparison.Ordinal);
            if (start >= 0 && end > start)
            {
                return prompt[(start + open.Length)..end].Trim();
            }
        }

        return prompt.Trim();
    }
}
