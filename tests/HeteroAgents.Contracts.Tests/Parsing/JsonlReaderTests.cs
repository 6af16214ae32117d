using System.Text;
using HeteroAgents.Contracts;

namespace HeteroAgents.Contracts.Tests.Parsing;

public sealed class JsonlReaderTests
{
    private static async Task<List<JsonlLine>> ReadAsync(byte[] bytes, int maxLineBytes = 1024)
    {
        var lines = new List<JsonlLine>();
        await foreach (var line in JsonlReader.ReadLinesAsync(new MemoryStream(bytes), maxLineBytes))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public async Task Splits_lf_and_crlf_lines_and_keeps_a_last_line_without_terminator()
    {
        var lines = await ReadAsync(Encoding.UTF8.GetBytes("a\r\nbb\n\nccc"));

        Assert.Equal([1L, 2L, 3L, 4L], lines.Select(l => l.Number));
        Assert.Equal(["a", "bb", "", "ccc"], lines.Select(l => Encoding.UTF8.GetString(l.Bytes.Span)));
        Assert.True(lines[2].IsBlank);
    }

    [Fact]
    public async Task Strips_a_leading_byte_order_mark()
    {
        var lines = await ReadAsync([0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\n']);

        Assert.Equal("x", Encoding.UTF8.GetString(Assert.Single(lines).Bytes.Span));
    }

    [Fact]
    public async Task Lines_over_the_limit_are_reported_with_their_length_and_skipped()
    {
        var text = "short\n" + new string('x', 5000) + "\nafter\n";
        var lines = await ReadAsync(Encoding.UTF8.GetBytes(text), maxLineBytes: 1024);

        Assert.Equal(3, lines.Count);
        Assert.True(lines[1].TooLong);
        Assert.Equal(5000, lines[1].Length);
        Assert.Equal("after", Encoding.UTF8.GetString(lines[2].Bytes.Span));
        Assert.Equal(3, lines[2].Number);
    }

    [Fact]
    public async Task Lines_spanning_read_chunks_are_reassembled()
    {
        var longLine = new string('y', 150_000);
        var lines = await ReadAsync(Encoding.UTF8.GetBytes(longLine + "\nz"), maxLineBytes: 200_000);

        Assert.Equal(150_000, lines[0].Bytes.Length);
        Assert.Equal("z", Encoding.UTF8.GetString(lines[1].Bytes.Span));
    }

    [Fact]
    public async Task A_million_line_stream_is_read_line_by_line_without_being_materialized()
    {
        await using var stream = new GeneratedLinesStream(1_000_000);
        long count = 0;
        long last = 0;
        await foreach (var line in JsonlReader.ReadLinesAsync(stream, maxLineBytes: 1024))
        {
            count++;
            last = line.Number;
            Assert.Equal(GeneratedLinesStream.LineLength, line.Bytes.Length);
        }

        Assert.Equal(1_000_000, count);
        Assert.Equal(1_000_000, last);
    }
}
