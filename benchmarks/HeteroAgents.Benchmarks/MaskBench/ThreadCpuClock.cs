using System.Runtime.InteropServices;

namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): unlike wall time it does not grow while the
/// thread waits for a core, so on a machine shared with other work it separates the engine's cost from the queueing.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether the clock exists here (Linux); elsewhere <see cref="NowNs"/> returns 0.</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux();

    /// <summary>CPU time consumed so far by the calling thread, in nanoseconds.</summary>
    public static long NowNs()
    {
        if (!IsSupported || ClockGetTime(ClockThreadCpuTimeId, out var ts) != 0)
        {
            return 0;
        }

        return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
