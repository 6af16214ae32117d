using HeteroAgents.Decoding.Regex;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Which properties a key automaton can still reach from each of its states (see <see cref="StringSpec.KeyReach"/>).</summary>
internal static class KeyReachability
{
    public static (ulong[] Props, bool[] Other) Compute(ByteDfa dfa, (int Property, int Node)[] targets)
    {
        var n = dfa.StateCount;
        var props = new ulong[n];
        var other = new bool[n];
        for (var s = 0; s < n; s++)
        {
            var accept = dfa.Accept[s];
            if (accept >= 0)
            {
                var prop = targets[accept].Property;
                if (prop >= 0)
                {
                    props[s] |= 1UL << prop;
                }
                else
                {
                    other[s] = true;
                }
            }
        }

        // Fixed point: a state reaches whatever its successors reach (key automata are small).
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var s = n - 1; s >= 0; s--)
            {
                var p = props[s];
                var o = other[s];
                for (var b = 0; b < 256; b++)
                {
                    var t = dfa.Next[(s << 8) | b];
                    if (t >= 0)
                    {
                        p |= props[t];
                        o |= other[t];
                    }
                }

                if (p != props[s] || o != other[s])
                {
                    props[s] = p;
                    other[s] = o;
                    changed = true;
                }
            }
        }

        return (props, other);
    }
}
