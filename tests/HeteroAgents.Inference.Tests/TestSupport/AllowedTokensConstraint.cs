using HeteroAgents.Decoding;

namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>A hand-written constraint: only the given tokens, exactly <c>length</c> of them, then complete.</summary>
internal sealed class AllowedTokensConstraint(IReadOnlyCollection<int> allowed, int length) : ITokenConstraint
{
    public int Advanced { get; private set; }

    public int MaskCalls { get; private set; }

    public bool IsAccepting => Advanced >= length;

    public bool IsComplete => Advanced >= length;

    public void ComputeMask(Span<uint> mask)
    {
        MaskCalls++;
        mask.Clear();
        if (IsComplete)
        {
            return;
        }

        foreach (var t in allowed)
        {
            mask[t >> 5] |= 1u << (t & 31);
        }
    }

    public bool TryAdvance(int tokenId)
    {
        if (IsComplete || !allowed.Contains(tokenId))
        {
            return false;
        }

        Advanced++;
        return true;
    }
}
