namespace HeteroAgents.Benchmarks.Inference;

/// <summary>
/// The first line of a speed benchmark's output: the load average and the processor the figures were taken on. The
/// shared machines behind these benchmarks change hardware between sessions (an AMD EPYC one day, an Intel Xeon the
/// next), and ratios move with it, so every recorded window names its CPU.
/// </summary>
internal static class MachineLine
{
    /// <summary>"load: … (/proc/loadavg); cpu: &lt;model&gt;, N logical CPUs, AVX-512 VNNI yes|no" (Linux; "n/a" elsewhere).</summary>
    public static string Now()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        var model = CpuInfo("model name") ?? "n/a";
        var flags = CpuInfo("flags");
        var vnni = flags is null ? "n/a" : flags.Split(' ').Contains("avx512_vnni") ? "yes" : "no";
        return $"load: {load} (/proc/loadavg); cpu: {model}, {Environment.ProcessorCount} logical CPUs, AVX-512 VNNI {vnni}";
    }

    /// <summary>The first processor's value of <paramref name="key"/> in /proc/cpuinfo, or null.</summary>
    private static string? CpuInfo(string key)
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? null : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
