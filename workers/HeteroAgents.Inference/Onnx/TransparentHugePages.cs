using System.Globalization;
using System.Runtime.InteropServices;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// Backs the weights ONNX Runtime has just loaded with transparent huge pages (2 MiB) on Linux. Decode reads every
/// weight once per token, so it streams hundreds of MB through the TLB; with 4 KiB pages that is one page walk per
/// 4 KiB. Linux usually gives anonymous memory huge pages only when asked (<c>transparent_hugepage/enabled</c> =
/// <c>madvise</c>), and ONNX Runtime does not ask, while llama.cpp's memory-mapped GGUF can sit in large page-cache
/// folios. This finds the process's large, fully resident anonymous mappings (the session's weight buffers, read from
/// <c>/proc/self/smaps</c>), marks them <c>MADV_HUGEPAGE</c> and collapses them at once with <c>MADV_COLLAPSE</c>
/// (Linux 6.1+; on older kernels the advice alone lets the kernel's background collapse do it over time).
/// </summary>
internal static partial class TransparentHugePages
{
    /// <summary>The x86-64 and arm64 (4 KiB base page) PMD huge page.</summary>
    public const long HugePageBytes = 2L << 20;

    /// <summary>Mappings smaller than this are left alone (weights are tens to hundreds of MB).</summary>
    public const long MinimumMappingBytes = 8L << 20;

    private const int MadvHugePage = 14;
    private const int MadvCollapse = 25;

    /// <summary>Advises and collapses the eligible mappings; the outcome says what was done or why nothing was.</summary>
    public static HugePagesOutcome Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return HugePagesOutcome.Skipped("not Linux");
        }

        string mode;
        string smaps;
        try
        {
            mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            smaps = File.ReadAllText("/proc/self/smaps");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HugePagesOutcome.Skipped("transparent huge pages not available (" + ex.GetType().Name + ")");
        }

        if (mode.Contains("[never]", StringComparison.Ordinal))
        {
            return HugePagesOutcome.Skipped("transparent huge pages are turned off (transparent_hugepage/enabled = never)");
        }

        var ranges = EligibleRanges(smaps);
        long advised = 0, collapsed = 0;
        foreach (var (start, length) in ranges)
        {
            if (Madvise((nint)start, (nuint)length, MadvHugePage) != 0)
            {
                continue;
            }

            advised += length;
            if (Madvise((nint)start, (nuint)length, MadvCollapse) == 0)
            {
                collapsed += length;
            }
        }

        return new HugePagesOutcome(ranges.Count, advised, collapsed, null);
    }

    /// <summary>
    /// The 2 MiB-aligned parts of the private anonymous read-write mappings in <paramref name="smaps"/> (the text of
    /// <c>/proc/self/smaps</c>) that are at least <see cref="MinimumMappingBytes"/>, nearly all resident (so collapsing
    /// adds no memory) and not already mostly on huge pages.
    /// </summary>
    internal static IReadOnlyList<(long Start, long Length)> EligibleRanges(string smaps)
    {
        var ranges = new List<(long, long)>();
        long start = 0, end = 0, rss = -1, huge = 0;
        var anonymous = false;

        void Close()
        {
            var size = end - start;
            if (anonymous && size >= MinimumMappingBytes && rss >= size / 10 * 9 && huge < rss / 2)
            {
                var alignedStart = (start + HugePageBytes - 1) / HugePageBytes * HugePageBytes;
                var alignedEnd = end / HugePageBytes * HugePageBytes;
                if (alignedEnd > alignedStart)
                {
                    ranges.Add((alignedStart, alignedEnd - alignedStart));
                }
            }
        }

        foreach (var line in smaps.Split('\n'))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && IsHex(line.AsSpan(0, dash)))
            {
                Close();
                // "start-end perms offset dev inode [path]": anonymous = private read-write, inode 0, no path (or the
                // brk heap, where glibc puts allocations under its mmap threshold).
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                start = long.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                end = long.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                anonymous = fields[1] == "rw-p" && fields[4] == "0" && (fields.Length == 5 || (fields.Length == 6 && fields[5] == "[heap]"));
                rss = -1;
                huge = 0;
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
            {
                huge = Kilobytes(line) * 1024;
            }
        }

        Close();
        return ranges;
    }

    private static long Kilobytes(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
