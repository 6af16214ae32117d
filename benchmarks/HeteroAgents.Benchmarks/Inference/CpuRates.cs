using System.Globalization;
using System.Text.Json;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>
/// Tokens per CPU-second of both engines (our process's CPU time, the peer process's): the work per token, which other
/// jobs on a shared machine disturb far less than wall time (they take turns on the cores but do not add to our CPU
/// time). With one intra-op thread per engine this is the fairest ratio a loaded machine gives.
/// </summary>
internal sealed class CpuRates
{
    private readonly List<double> _oursPrompt = [];
    private readonly List<double> _oursDecode = [];
    private readonly List<double> _peerPrompt = [];
    private readonly List<double> _peerDecode = [];

    public void AddOurs(double promptPerCpuSecond, double decodePerCpuSecond)
    {
        _oursPrompt.Add(promptPerCpuSecond);
        _oursDecode.Add(decodePerCpuSecond);
    }

    public void AddPeer(JsonElement json)
    {
        if (json.TryGetProperty("prompt_tokens_per_cpu_s", out var p) && p.ValueKind == JsonValueKind.Number
            && json.TryGetProperty("generation_tokens_per_cpu_s", out var g) && g.ValueKind == JsonValueKind.Number)
        {
            _peerPrompt.Add(p.GetDouble());
            _peerDecode.Add(g.GetDouble());
        }
    }

    /// <summary>Prints the medians (and the ratio when the peer reported CPU time).</summary>
    public void Report(bool withPeer)
    {
        if (_oursPrompt.Count == 0)
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"per CPU-second (medians): ours prompt {Median(_oursPrompt):F0}, generation {Median(_oursDecode):F1} tok/cpu-s");
        if (withPeer && _peerPrompt.Count > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture,
                $"; llama.cpp prompt {Median(_peerPrompt):F0}, generation {Median(_peerDecode):F1} tok/cpu-s; ratio by CPU time: prompt {Median(_oursPrompt) / Median(_peerPrompt):F2}x, generation {Median(_oursDecode) / Median(_peerDecode):F2}x");
            if (_peerPrompt.Count == _oursPrompt.Count)
            {
                line += string.Create(CultureInfo.InvariantCulture,
                    $" (paired: prompt {PairedRatio(_oursPrompt, _peerPrompt):F2}x, generation {PairedRatio(_oursDecode, _peerDecode):F2}x)");
            }
        }

        Console.WriteLine(line);
    }

    /// <summary>
    /// The median of run-by-run ratios (ours[i] / peer[i], each peer run right after ours): two runs minutes apart on a
    /// shared machine can differ by more than the engines do, two adjacent ones far less.
    /// </summary>
    internal static double PairedRatio(List<double> ours, List<double> peer) =>
        Median([.. ours.Zip(peer, (o, p) => o / p)]);

    /// <summary>The median (upper middle for an even count).</summary>
    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
