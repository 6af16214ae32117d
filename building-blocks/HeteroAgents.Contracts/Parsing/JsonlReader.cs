using System.Runtime.CompilerServices;

namespace HeteroAgents.Contracts;

/// <summary>
/// Streams the lines of a JSONL file without loading it: memory is bounded by the longest kept line
/// (at most <c>maxLineBytes</c>), whatever the file's size. Handles <c>\n</c> and <c>\r\n</c>, a leading
/// UTF-8 byte-order mark, and a last line without terminator. Lines longer than the limit are skipped
/// and reported with <see cref="JsonlLine.TooLong"/> so the caller can fail them by line number.
/// </summary>
public static class JsonlReader
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Reads the lines of <paramref name="stream"/>, each copied into its own buffer.</summary>
    public static async IAsyncEnumerable<JsonlLine> ReadLinesAsync(
        Stream stream, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);

        var chunk = new byte[ChunkSize];
        var pending = new byte[Math.Min(ChunkSize, maxLineBytes + 1)];
        var pendingLength = 0;
        long skippedLength = 0;
        var skipping = false;
        long number = 0;
        var first = true;

        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var span = chunk.AsMemory(0, read);
            if (first)
            {
                first = false;
                if (span.Span.StartsWith("\uFEFF"u8))
                {
                    span = span[3..];
                }
            }

            while (!span.IsEmpty)
            {
                var newline = span.Span.IndexOf((byte)'\n');
                var part = newline < 0 ? span : span[..newline];
                if (skipping)
                {
                    skippedLength += part.Length;
                }
                else if (pendingLength + part.Length > maxLineBytes)
                {
                    skipping = true;
                    skippedLength = pendingLength + part.Length;
                    pendingLength = 0;
                }
                else
                {
                    EnsureCapacity(ref pending, pendingLength + part.Length);
                    part.Span.CopyTo(pending.AsSpan(pendingLength));
                    pendingLength += part.Length;
                }

                if (newline < 0)
                {
                    break;
                }

                number++;
                yield return Complete(number, pending, ref pendingLength, ref skipping, ref skippedLength);
                span = span[(newline + 1)..];
            }
        }

        if (pendingLength > 0 || skipping)
        {
            number++;
            yield return Complete(number, pending, ref pendingLength, ref skipping, ref skippedLength);
        }
    }

    private static JsonlLine Complete(long number, byte[] pending, ref int pendingLength, ref bool skipping, ref long skippedLength)
    {
        JsonlLine line;
        if (skipping)
        {
            line = new JsonlLine(number, ReadOnlyMemory<byte>.Empty, skippedLength, TooLong: true);
        }
        else
        {
            var length = pendingLength > 0 && pending[pendingLength - 1] == (byte)'\r' ? pendingLength - 1 : pendingLength;
            line = new JsonlLine(number, pending.AsSpan(0, length).ToArray(), length, TooLong: false);
        }

        pendingLength = 0;
        skipping = false;
        skippedLength = 0;
        return line;
    }

    private static void EnsureCapacity(ref byte[] buffer, int needed)
    {
        if (buffer.Length < needed)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }
    }
}
