using System.Globalization;
using System.Runtime.InteropServices;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// Backs the weights ONNX Runtime has just loaded with transparent huge pages (2 MiB) on Linux. Decode reads every
/// weight once per token, so it streams hundreds of MB through the TLB; with 4 KiB pages that is one page walk per
/// 4 KiB. Linux usually gives anonymous memory huge pages only when asked (<c>transparent_hugepage/enabled</c> =
/// <c>madvise</c>), and ONNX Runtime does not ask, while llama.cpp's memory-mapped GGUF can sit in large page-cache
/// folios. This finds the process's large anonymous mappings (the session's weight buffers and the C heap holding
/// them, from <c>/proc/self/smaps</c>), and in them the 2 MiB chunks whose pages are all present
/// (<c>/proc/self/pagemap</c>), marks those <c>MADV_HUGEPAGE</c> and collapses them at once with <c>MADV_COLLAPSE</c>
/// (Linux 6.1+; on older kernels the advice alone lets the kernel's background collapse do it over time).
/// </summary>
internal static partial class TransparentHugePages
{
    /// <summary>The x86-64 and arm64 (4 KiB base page) PMD huge page.</summary>
    public const long HugePageBytes = 2L << 20;

    /// <summary>The base page.</summary>
    public const long PageBytes = 4096;

    /// <summary>Mappings smaller than this are left alone (weights are tens to hundreds of MB).</summary>
    public const long MinimumMappingBytes = 8L << 20;

    private const int MadvHugePage = 14;
    private const int MadvCollapse = 25;

    /// <summary>Advises and collapses the eligible memory; the outcome says what was done or why nothing was.</summary>
    public static HugePagesOutcome Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return HugePagesOutcome.Skipped("not Linux");
        }

        if (Environment.SystemPageSize != PageBytes)
        {
            // The chunk arithmetic below is for 4 KiB base pages with 2 MiB huge pages (x86-64, most arm64 kernels).
            return HugePagesOutcome.Skipped(string.Create(CultureInfo.InvariantCulture, $"{Environment.SystemPageSize}-byte base pages"));
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

        var mappings = CandidateMappings(smaps);
        long advised = 0, collapsed = 0;
        using var pagemap = OpenPagemap();
        try
        {
            foreach (var (start, end) in mappings)
            {
                foreach (var (chunkStart, length) in ResidentChunks(start, end, (first, count) => ReadPresence(pagemap, first, count)))
                {
                    if (Madvise((nint)chunkStart, (nuint)length, MadvHugePage) != 0)
                    {
                        continue;
                    }

                    advised += length;
                    if (Madvise((nint)chunkStart, (nuint)length, MadvCollapse) == 0)
                    {
                        collapsed += length;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without madvise: memory stays as it is; loading goes on.
            return HugePagesOutcome.Skipped("madvise not available (" + ex.GetType().Name + ")");
        }

        return new HugePagesOutcome(mappings.Count, advised, collapsed, null);
    }

    /// <summary>
    /// The private anonymous read-write mappings in <paramref name="smaps"/> (the text of <c>/proc/self/smaps</c>; the
    /// brk heap counts, where glibc puts allocations under its mmap threshold) of at least
    /// <see cref="MinimumMappingBytes"/> with something resident and not already mostly on huge pages.
    /// </summary>
    internal static IReadOnlyList<(long Start, long End)> CandidateMappings(string smaps)
    {
        var mappings = new List<(long, long)>();
        long start = 0, end = 0, rss = 0, huge = 0;
        var anonymous = false;

        void Close()
        {
            if (anonymous && end - start >= MinimumMappingBytes && rss >= HugePageBytes && huge < rss / 2)
            {
                mappings.Add((start, end));
            }
        }

        foreach (var line in smaps.Split('\n'))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && IsHex(line.AsSpan(0, dash)))
            {
                Close();
                // "start-end perms offset dev inode [path]": anonymous = private read-write, inode 0, no path.
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                start = long.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                end = long.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                anonymous = fields[1] == "rw-p" && fields[4] == "0" && (fields.Length == 5 || (fields.Length == 6 && fields[5] == "[heap]"));
                rss = 0;
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
        return mappings;
    }

    /// <summary>
    /// The 2 MiB-aligned chunks of [<paramref name="start"/>, <paramref name="end"/>) whose every 4 KiB page is present
    /// (so collapsing them adds no memory: a freed hole in a heap stays a hole), consecutive chunks joined into one range.
    /// <paramref name="present"/> answers, for a first page number and a count, which of those pages are present.
    /// </summary>
    internal static IReadOnlyList<(long Start, long Length)> ResidentChunks(long start, long end, Func<long, int, bool[]> present)
    {
        const int pagesPerChunk = (int)(HugePageBytes / PageBytes);
        var ranges = new List<(long, long)>();
        long runStart = -1, runEnd = -1;
        for (var chunk = (start + HugePageBytes - 1) / HugePageBytes * HugePageBytes; chunk + HugePageBytes <= end; chunk += HugePageBytes)
        {
            if (!Array.TrueForAll(present(chunk / PageBytes, pagesPerChunk), p => p))
            {
                continue;
            }

            if (chunk == runEnd)
            {
                runEnd += HugePageBytes;
                continue;
            }

            if (runStart >= 0)
            {
                ranges.Add((runStart, runEnd - runStart));
            }

            (runStart, runEnd) = (chunk, chunk + HugePageBytes);
        }

        if (runStart >= 0)
        {
            ranges.Add((runStart, runEnd - runStart));
        }

        return ranges;
    }

    /// <summary><c>/proc/self/pagemap</c> (one 64-bit entry per page, bit 63 = present), or null where it cannot be read.</summary>
    private static FileStream? OpenPagemap()
    {
        try
        {
            return new FileStream("/proc/self/pagemap", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Which of <paramref name="count"/> pages from page number <paramref name="first"/> are present; all false without a pagemap.</summary>
    private static bool[] ReadPresence(FileStream? pagemap, long first, int count)
    {
        var result = new bool[count];
        if (pagemap is null)
        {
            return result;
        }

        var entries = new byte[count * 8];
        try
        {
            pagemap.Position = first * 8;
            pagemap.ReadExactly(entries);
        }
        catch (IOException)
        {
            return result; // unreadable: treated as not present, so the chunk is left alone
        }

        for (var i = 0; i < count; i++)
        {
            result[i] = (entries[(i * 8) + 7] & 0x80) != 0;
        }

        return result;
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
