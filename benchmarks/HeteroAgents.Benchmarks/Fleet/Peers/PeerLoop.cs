using System.Diagnostics;

namespace HeteroAgents.Benchmarks.Fleet.Peers;

/// <summary>Runs <c>count</c> round trips with a fixed number in flight (each worker loop awaits its own round trip).</summary>
internal static class PeerLoop
{
    public static async Task<TimeSpan> RunAsync(int count, int inFlight, Func<long, CancellationToken, Task> roundTrip, CancellationToken cancellationToken)
    {
        long next = -1;
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await roundTrip(i, cancellationToken);
            }
        }, cancellationToken));
        // A peer that stops answering fails the benchmark instead of hanging it.
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }
}
