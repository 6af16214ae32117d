namespace HeteroAgents.Decoding.Runtime;

/// <summary>Whole-document runs.</summary>
internal sealed partial class JsonMachine
{
    /// <summary>
    /// Runs <paramref name="utf8"/> through the automaton from value node <paramref name="node"/> (whitespace rules
    /// apply as configured). <paramref name="a"/> and <paramref name="b"/> must share one <see cref="RunContext"/>.
    /// </summary>
    public bool Accepts(int node, ReadOnlySpan<byte> utf8, StateSet a, StateSet b)
    {
        Start(a, node);
        foreach (var x in utf8)
        {
            Step(a, x, b);
            if (b.Count == 0)
            {
                return false;
            }

            (a, b) = (b, a);
        }

        return IsAccepting(a);
    }

    /// <summary>Runs <paramref name="utf8"/> from the root with fresh state sets.</summary>
    public bool Accepts(ReadOnlySpan<byte> utf8)
    {
        var context = new RunContext();
        return Accepts(Root, utf8, NewStateSet(context), NewStateSet(context));
    }
}
