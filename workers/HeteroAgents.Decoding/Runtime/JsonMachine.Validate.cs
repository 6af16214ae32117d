namespace HeteroAgents.Decoding.Runtime;

/// <summary>Whole-document runs.</summary>
internal sealed partial class JsonMachine
{
    /// <summary>Runs <paramref name="utf8"/> through the automaton from value node <paramref name="node"/> (compact-mode whitespace rules apply as configured).</summary>
    public bool Accepts(int node, ReadOnlySpan<byte> utf8, StateSet a, StateSet b)
    {
        a.Count = 1;
        a.Depths[0] = 2;
        a.Frames[0] = Frame.Of(Frame.Root, 0);
        a.Frames[1] = Frame.Of(Frame.Value, node);
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
}
