namespace HeteroAgents.Contracts;

/// <summary>One physical line of a JSONL file, without its terminator.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Bytes">The line's bytes (empty when <paramref name="TooLong"/>); owned by the caller.</param>
/// <param name="Length">The line's length in bytes, also when it was too long to keep.</param>
/// <param name="TooLong">Whether the line exceeded the reader's byte limit (its bytes were skipped, not kept).</param>
public readonly record struct JsonlLine(long Number, ReadOnlyMemory<byte> Bytes, long Length, bool TooLong)
{
    /// <summary>Whether the line holds only whitespace (such lines are not tasks).</summary>
    public bool IsBlank => !TooLong && Bytes.Span.Trim(" \t\r\n"u8).IsEmpty;
}
