namespace HeteroAgents.Decoding;

/// <summary>
/// A per-request constraint on which tokens a model may generate next: the hook between the
/// constrained-decoding engine and a generation loop. Not thread-safe; one instance per generation.
/// </summary>
public interface ITokenConstraint
{
    /// <summary>
    /// Writes the set of allowed next tokens as a bitset: token <c>t</c> is allowed iff bit <c>t &amp; 31</c>
    /// of <c>mask[t &gt;&gt; 5]</c> is set. <paramref name="mask"/> has <c>(vocabularySize + 31) / 32</c> words.
    /// End-of-sequence tokens are allowed exactly when <see cref="IsAccepting"/> is true.
    /// </summary>
    void ComputeMask(Span<uint> mask);

    /// <summary>Consumes one token. Returns false, leaving the state unchanged, if the token is not allowed.</summary>
    bool TryAdvance(int tokenId);

    /// <summary>The tokens consumed so far form a complete, valid output (end-of-sequence is allowed).</summary>
    bool IsAccepting { get; }

    /// <summary>Nothing but end-of-sequence can follow: generation should stop.</summary>
    bool IsComplete { get; }
}
