using System.Diagnostics;

namespace HeteroAgents.Inference.Onnx;

/// <summary>Accumulates the time spent inside ONNX Runtime's <c>Run</c> (for measuring the loop's own overhead).</summary>
internal sealed class RunTimer
{
    private long _ticks;
    private int _runs;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public int Runs => Volatile.Read(ref _runs);

    public void Add(long startTimestamp)
    {
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - startTimestamp);
        Interlocked.Increment(ref _runs);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _runs, 0);
    }
}
