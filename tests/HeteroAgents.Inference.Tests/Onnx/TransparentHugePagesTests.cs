using System.Globalization;
using System.Runtime.InteropServices;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Onnx;

public sealed partial class TransparentHugePagesTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void Candidates_are_large_anonymous_mappings_with_something_resident_not_yet_on_huge_pages()
    {
        var smaps = string.Join('\n',
            Mapping(0x7f0000100000, 20 * MiB, "rw-p", "0", "", rss: 20 * MiB),                    // candidate
            Mapping(0x7f0010000000, 16 * MiB, "rw-p", "0", "[heap]", rss: 9 * MiB),              // the brk heap, with holes
            Mapping(0x7f0020000000, 64 * MiB, "r--p", "1234", "/models/a/model.onnx", rss: 64 * MiB), // file-backed
            Mapping(0x7f0030000000, 64 * MiB, "rw-p", "0", "", rss: 1 * MiB),                     // reserved, barely touched
            Mapping(0x7f0040000000, 4 * MiB, "rw-p", "0", "", rss: 4 * MiB),                      // too small
            Mapping(0x7f0050000000, 32 * MiB, "rw-p", "0", "", rss: 32 * MiB, huge: 30 * MiB),    // already huge
            Mapping(0x7f0060000000, 32 * MiB, "r--p", "0", "", rss: 32 * MiB),                    // read-only
            Mapping(0x7f0070000000, 32 * MiB, "rw-p", "0", "[stack]", rss: 32 * MiB));            // not weights

        var mappings = TransparentHugePages.CandidateMappings(smaps);

        Assert.Equal([(0x7f0000100000L, 0x7f0000100000L + (20 * MiB)), (0x7f0010000000L, 0x7f0010000000L + (16 * MiB))], mappings);
    }

    [Fact]
    public void Only_aligned_chunks_whose_every_page_is_present_are_chosen_and_neighbours_join()
    {
        // 1 MiB .. 21 MiB: whole 2 MiB chunks from 2 MiB to 20 MiB (the unaligned ends are cut); one page of the chunk at
        // 8 MiB (page 0x800) is missing, a freed hole, so that chunk is left out and splits the run.
        const long start = 1 * MiB, end = 21 * MiB;
        var missing = 0x800 + 17;

        var chunks = TransparentHugePages.ResidentChunks(start, end, (first, count) =>
            [.. Enumerable.Range(0, count).Select(i => first + i != missing)]);

        Assert.Equal([(2 * MiB, 6 * MiB), (10 * MiB, 10 * MiB)], chunks);
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
            const long hole = 32 * MiB; // one 2 MiB chunk left untouched: collapsing must not fill it
            for (long offset = 0; offset < size; offset += 4096)
            {
                if (offset < hole || offset >= hole + (2 * MiB))
                {
                    Marshal.WriteByte(buffer + (nint)offset, 1);
                }
            }

            var outcome = TransparentHugePages.Apply();

            if (File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Contains("[never]", StringComparison.Ordinal))
            {
                Assert.Contains("never", outcome.SkippedBecause, StringComparison.Ordinal);
                return;
            }

            Assert.Null(outcome.SkippedBecause);
            Assert.True(outcome.AdvisedBytes >= size - (2 * MiB), outcome.ToString());
            var (rss, huge) = MemoryOfRange(buffer, buffer + (nint)size);
            Assert.Equal(size - (2 * MiB), rss); // the hole is still a hole
            if (outcome.CollapsedBytes > 0)
            {
                // MADV_COLLAPSE (Linux 6.1+) ran: every touched chunk of the buffer is now one 2 MiB page.
                Assert.True(huge == size - (2 * MiB), $"{huge / MiB} MiB of the buffer's 62 resident MiB on huge pages after {outcome}");
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

    [Fact]
    public void The_passes_over_the_decode_and_the_prompt_session_add_up()
    {
        var both = new HugePagesOutcome(4, 180 * MiB, 176 * MiB, null).Plus(new HugePagesOutcome(5, 110 * MiB, 108 * MiB, null));

        Assert.Equal(new HugePagesOutcome(9, 290 * MiB, 284 * MiB, null), both);
        Assert.Equal("huge pages: 284 MiB collapsed of 290 MiB advised in 9 mappings", both.ToString());
    }

    private static string Mapping(long start, long size, string perms, string inode, string path, long rss, long huge = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"{start:x}-{start + size:x} {perms} 00000000 00:00 {inode}                 {path}\nSize:           {size / 1024} kB\nRss:            {rss / 1024} kB\nAnonymous:      {rss / 1024} kB\nAnonHugePages:  {huge / 1024} kB\nVmFlags: rd wr mr mw me ac");

    /// <summary>Resident and huge-page bytes of the mappings inside [start, end) (advice splits one mapping into several).</summary>
    private static (long Rss, long Huge) MemoryOfRange(nint start, nint end)
    {
        var inside = false;
        long rss = 0, huge = 0;
        foreach (var line in File.ReadAllLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            {
                inside = start <= from && to <= end;
            }
            else if (inside && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                rss += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
            else if (inside && line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
            {
                huge += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return (rss, huge);
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
