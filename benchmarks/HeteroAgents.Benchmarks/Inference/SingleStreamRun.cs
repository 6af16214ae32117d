using System.Diagnostics;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>Measures one greedy generation of a prompt, token by token, as <c>slm-speed</c> and <c>slm-ab</c> report it.</summary>
internal static class SingleStreamRun
{
    /// <summary>
    /// Streams <paramref name="prompt"/> through <paramref name="generator"/> until <paramref name="options"/>' limit or a
    /// stop token. With a <paramref name="timer"/> (an ONNX model reporting its <c>Run</c> time to it) the decode time is
    /// split into time inside and outside <c>Run</c>, and each step's time outside it goes to
    /// <paramref name="stepOverheads"/> when given; without one both shares are NaN.
    /// </summary>
    public static async Task<SingleStreamMeasurement> MeasureAsync(ITextGenerator generator, RunTimer? timer, int[] prompt, GenerationOptions options, IReadOnlySet<int> stops, List<double>? stepOverheads, CancellationToken cancellationToken)
    {
        timer?.Reset();
        var started = Stopwatch.GetTimestamp();
        var cpuStart = Environment.CpuUsage.TotalTime;
        var cpuAtFirst = cpuStart;
        long firstTokenAt = 0;
        var count = 0;
        TimeSpan runAtFirst = default;
        long previousAt = 0;
        TimeSpan previousRun = default;
        await foreach (var step in generator.StreamAsync(prompt, options, cancellationToken))
        {
            var now = Stopwatch.GetTimestamp();
            var run = timer?.Elapsed ?? TimeSpan.Zero;
            if (count++ == 0)
            {
                firstTokenAt = now;
                runAtFirst = run;
                cpuAtFirst = Environment.CpuUsage.TotalTime;
            }
            else if (timer is not null)
            {
                // One decode step: wall time between two yielded tokens minus the time inside ORT's Run.
                stepOverheads?.Add((Stopwatch.GetElapsedTime(previousAt, now) - (run - previousRun)).TotalMilliseconds);
            }

            previousAt = now;
            previousRun = run;
            if (stops.Contains(step.TokenId))
            {
                break;
            }
        }

        var end = Stopwatch.GetTimestamp();
        var cpuEnd = Environment.CpuUsage.TotalTime;
        var prefill = Stopwatch.GetElapsedTime(started, firstTokenAt);
        var decode = Stopwatch.GetElapsedTime(firstTokenAt, end);
        var decodeRun = (timer?.Elapsed ?? TimeSpan.Zero) - runAtFirst;
        var steps = count - 1;
        if (steps < 1)
        {
            throw new InvalidOperationException("The generation stopped after its first token; nothing to measure (use a longer --generate or another prompt).");
        }

        return new SingleStreamMeasurement(
            prompt.Length / prefill.TotalSeconds,
            steps / decode.TotalSeconds,
            prompt.Length / (cpuAtFirst - cpuStart).TotalSeconds,
            steps / (cpuEnd - cpuAtFirst).TotalSeconds,
            timer is null ? double.NaN : decodeRun.TotalMilliseconds / steps,
            timer is null ? double.NaN : (decode - decodeRun).TotalMilliseconds / steps,
            steps,
            prefill);
    }
}
