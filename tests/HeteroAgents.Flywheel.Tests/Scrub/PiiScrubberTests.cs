using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Scrub;

public sealed class PiiScrubberTests
{
    [Fact]
    public void Each_type_is_replaced_with_its_placeholder()
    {
        var scrubber = new PiiScrubber(new PiiScrubberOptions { Terms = ["Kestrel Dynamics"] });
        const string text = "Mail jane.doe@example.com, call +44 20 7946 0958, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, " +
            "from 203.0.113.9 and 2001:db8::8a2e:370:7334, SSN 123-45-6789, NINO AB 12 34 56 C, customer kestrel dynamics.";

        var scrubbed = scrubber.Scrub(text, out var findings);

        Assert.Equal(
            "Mail <EMAIL>, call <PHONE>, card <CARD>, IBAN <IBAN>, from <IP> and <IP>, SSN <NATIONAL_ID>, NINO <NATIONAL_ID>, customer <TERM>.",
            scrubbed);
        Assert.Equal(9, findings.Count);
    }

    [Theory]
    [InlineData("card 4111 1111 1111 1112 declined")] // Luhn fails
    [InlineData("tracking 1234 5678 9012 3456")] // Luhn fails, no card prefix
    [InlineData("IBAN DE89 3704 0044 0532 0130 01")] // mod-97 fails
    [InlineData("order ORD-2024-558812 on 2024-03-15 at 10:22:31")]
    [InlineData("running version 4.2.1.0 and v1.2.3.4")]
    [InlineData("SSN 000-12-3456 and 666-12-3456 are invalid")]
    [InlineData("MAC 00:1A:2B:3C:4D:5E, std::vector, ratio 3:2")]
    [InlineData("invoice #088002734 total $1,234.56")]
    public void Look_alikes_are_left_alone(string text)
    {
        var scrubber = new PiiScrubber();
        Assert.Empty(scrubber.Find(text));
        Assert.Equal(text, scrubber.Scrub(text));
    }

    [Fact]
    public void Terms_match_whole_words_only_and_types_can_be_restricted()
    {
        var scrubber = new PiiScrubber(new PiiScrubberOptions { Terms = ["Ravensworth"], Types = [PiiType.Term] });

        Assert.Equal("<TERM> and Ravensworthy, mail a@b.example.com", scrubber.Scrub("RAVENSWORTH and Ravensworthy, mail a@b.example.com"));
    }

    [Fact]
    public void A_missing_term_file_is_named()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new PiiScrubber(new PiiScrubberOptions { TermFiles = ["/no/terms.txt"] }));
        Assert.Contains("/no/terms.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_are_scrubbed_in_every_text_field_but_schema_property_names_are_kept()
    {
        var log = new SyntheticLog(1);
        var record = log.Record("extract", SyntheticLog.Schema("{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\",\"description\":\"e.g. ops@corp.example.com\"}}}"),
            "system: escalate to admin@corp.example.com", "write to bob@example.org", "{\"email\":\"bob@example.org\"}") with { Error = "failed for 10.1.2.3" };
        var counts = new Dictionary<PiiType, long>();

        var scrubbed = RecordScrubber.Scrub(record, new PiiScrubber(), counts);

        Assert.Equal("system: escalate to <EMAIL>", scrubbed.Messages[0].Content);
        Assert.Equal("write to <EMAIL>", scrubbed.Messages[1].Content);
        Assert.Equal("{\"email\":\"<EMAIL>\"}", scrubbed.Output);
        Assert.Equal("failed for <IP>", scrubbed.Error);
        Assert.Equal("e.g. <EMAIL>", scrubbed.ResponseSchema!.Value.GetProperty("properties").GetProperty("email").GetProperty("description").GetString());
        Assert.Equal(4, counts[PiiType.Email]);
        Assert.Equal(1, counts[PiiType.Ip]);
        Assert.Equal(record.Id, scrubbed.Id);
    }

    [Fact]
    public async Task ScrubFileAsync_writes_a_scrubbed_copy_and_counts_replacements()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var log = new SyntheticLog(2);
        var input = dir.File("in.jsonl");
        await File.WriteAllLinesAsync(input, [
            log.Record("classify", null, "s", "reach me at +1 (415) 555-0132 or x@example.com", "{}").ToJsonLine(),
            log.Record("classify", null, "s", "nothing personal here, order 1234", "{}").ToJsonLine(),
        ]);
        var progress = new List<FlywheelProgress>();

        var summary = await FlywheelScrubber.ScrubFileAsync(input, dir.File("out/scrubbed.jsonl"), progress: new SyncProgress(progress));

        Assert.Equal((2L, 1L, 2L), (summary.Records, summary.RecordsChanged, summary.TotalReplacements));
        var out_ = await FrontierCallLogReader.ReadListAsync(summary.OutputPath);
        Assert.Equal("reach me at <PHONE> or <EMAIL>", out_[0].UserText());
        Assert.Equal("nothing personal here, order 1234", out_[1].UserText());
        Assert.Equal(2, progress.Last().Done);
        Assert.False(File.Exists(summary.OutputPath + ".tmp"));
    }

    private sealed class SyncProgress(List<FlywheelProgress> into) : IProgress<FlywheelProgress>
    {
        public void Report(FlywheelProgress value) => into.Add(value);
    }
}
