using System.Globalization;
using System.Runtime.InteropServices;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Onnx;

public sealed partial class TransparentHugePagesTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void Eligible_ranges_are_the_aligned_parts_of_large_resident_anonymous_mappings()
    {
        var smaps = string.Join('\n',
            Mapping(0x7f0000100000, 20 * MiB, "rw-p", "0", "", rss: 20 * MiB),                    // eligible, unaligned start
            Mapping(0x7f0010000000, 16 * MiB, "rw-p", "0", "[heap]", rss: 15 * MiB),             // the brk heap: eligible
            Mapping(0x7f0020000000, 64 * MiB, "r--p", "1234", "/models/a/model.onnx", rss: 64 * MiB), // file-backed
            Mapping(0x7f0030000000, 64 * MiB, "rw-p", "0", "", rss: 32 * MiB),                    // half resident
            Mapping(0x7f0040000000, 4 * MiB, "rw-p", "0", "", rss: 4 * MiB),                      // too small
            Mapping(0x7f0050000000, 32 * MiB, "rw-p", "0", "", rss: 32 * MiB, huge: 30 * MiB),    // already huge
            Mapping(0x7f0060000000, 32 * MiB, "r--p", "0", "", rss: 32 * MiB),                    // read-only
            Mapping(0x7f0070000000, 32 * MiB, "rw-p", "0", "[stack]", rss: 32 * MiB));            // not weights

        var ranges = TransparentHugePages.EligibleRanges(smaps);

        Assert.Equal([(0x7f0000200000L, 18 * MiB), (0x7f0010000000L, 16 * MiB)], ranges);
    }

    [Fact]
    public void Apply_puts_a_resident_anonymous_buffer_on_huge_pages_or_says_why_not()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal("not Linux", TransparentHugePages.Apply().SkippedBecause);
            return;
        }

        const long size = 64 * MiB;
        const long guard = 2 * MiB;
        // Own mapping between two inaccessible guards, so the kernel cannot merge it with a neighbour.
        var region = Mmap(0, (nuint)(size + (4 * guard)), ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        Assert.NotEqual(-1, (long)region);
        try
        {
            var buffer = (region + (nint)guard + (nint)(2 * MiB) - 1) & ~(nint)(2 * MiB - 1); // 2 MiB aligned, guards either side
            Assert.Equal(0, Mprotect(region, (nuint)(buffer - region), ProtNone));
            Assert.Equal(0, Mprotect(buffer + (nint)size, (nuint)(region + (nint)(size + (4 * guard)) - (buffer + (nint)size)), ProtNone));
            for (long offset = 0; offset < size; offset += 4096)
            {
                Marshal.WriteByte(buffer + (nint)offset, 1);
            }

            var outcome = TransparentHugePages.Apply();

            if (File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Contains("[never]", StringComparison.Ordinal))
            {
                Assert.Contains("never", outcome.SkippedBecause, StringComparison.Ordinal);
                return;
            }

            Assert.Null(outcome.SkippedBecause);
            Assert.True(outcome.AdvisedBytes >= size, outcome.ToString());
            if (outcome.CollapsedBytes > 0)
            {
                // MADV_COLLAPSE (Linux 6.1+) ran: the buffer's mapping is now on 2 MiB pages.
                var huge = AnonHugePagesOfMappingAt(buffer);
                Assert.True(huge >= size - (2 * MiB), $"{huge / MiB} MiB of the 64 MiB buffer on huge pages after {outcome}");
            }
        }
        finally
        {
            _ = Munmap(region, (nuint)(size + (4 * guard)));
        }
    }

    [Fact]
    public void A_loaded_model_reports_what_was_done_and_the_setting_turns_it_off()
    {
        using var off = TinyModel.Load("tiny", o => o.HugePages = false);
        using var on = TinyModel.Load("tiny", _ => { });

        Assert.Contains("Hetero:Onnx:HugePages", off.HugePages.SkippedBecause, StringComparison.Ordinal);
        Assert.Contains("turned off", off.HugePages.ToString(), StringComparison.Ordinal);
        if (OperatingSystem.IsLinux() && !File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Contains("[never]", StringComparison.Ordinal))
        {
            Assert.Null(on.HugePages.SkippedBecause);
            Assert.StartsWith("huge pages: ", on.HugePages.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.NotNull(on.HugePages.SkippedBecause);
        }
    }

    private static string Mapping(long start, long size, string perms, string inode, string path, long rss, long huge = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"{start:x}-{start + size:x} {perms} 00000000 00:00 {inode}                 {path}\nSize:           {size / 1024} kB\nRss:            {rss / 1024} kB\nAnonymous:      {rss / 1024} kB\nAnonHugePages:  {huge / 1024} kB\nVmFlags: rd wr mr mw me ac");

    private static long AnonHugePagesOfMappingAt(nint address)
    {
        var inside = false;
        foreach (var line in File.ReadAllLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end))
            {
                inside = start <= address && address < end;
            }
            else if (inside && line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private const int ProtNone = 0;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    private static partial int Mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(nint address, nuint length);
}
