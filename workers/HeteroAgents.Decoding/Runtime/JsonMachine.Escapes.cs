using HeteroAgents.Decoding.Regex;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// Look-ahead for <c>\uXXXX</c> escapes: a hex digit is allowed only if some code point that starts with the digits
/// so far can still continue the string's DFA. Without it, a constrained string (enum, const, key name, pattern) lets a
/// model write e.g. <c>\uA</c> where only <c>l</c> fits, and decoding reaches a state where no token is allowed.
/// </summary>
internal sealed partial class JsonMachine
{
    private static readonly int[] SimpleEscapes = ['"', '\\', '/', '\b', '\f', '\n', '\r', '\t'];

    /// <summary>Whether some escape (simple or <c>\uXXXX</c>) can follow a backslash.</summary>
    private static bool CanContinueBackslash(in Frame s, Grammar.StringSpec spec)
    {
        if (spec.MaxLength >= 0 && s.B >= spec.MaxLength)
        {
            return false;
        }

        foreach (var cp in SimpleEscapes)
        {
            if (spec.Dfa.Next[(s.A << 8) | cp] >= 0)
            {
                return true;
            }
        }

        var probe = s;
        probe.C = 0;
        return CanContinueEscape(probe, spec, 0, false);
    }

    /// <summary>Whether a code point whose escape begins with the <paramref name="digits"/> hex digits in <c>s.C</c> can follow.</summary>
    private static bool CanContinueEscape(in Frame s, Grammar.StringSpec spec, int digits, bool lowSurrogate)
    {
        if (spec.MaxLength >= 0 && s.B >= spec.MaxLength)
        {
            return false;
        }

        var shift = 4 * (4 - digits);
        var lo = digits == 0 ? 0 : (int)(s.C << shift);
        var hi = lo + (1 << shift) - 1;
        if (lowSurrogate)
        {
            lo = Math.Max(lo, 0xDC00);
            hi = Math.Min(hi, 0xDFFF);
            var basePoint = 0x10000 + ((s.E - 0xD800) << 10) - 0xDC00;
            return lo <= hi && AnyPath(s, spec, basePoint + lo, basePoint + hi);
        }

        if (AnyPath(s, spec, lo, Math.Min(hi, 0xD7FF)) || AnyPath(s, spec, Math.Max(lo, 0xE000), hi))
        {
            return true;
        }

        var highLo = Math.Max(lo, 0xD800);
        var highHi = Math.Min(hi, 0xDBFF);
        return highLo <= highHi && AnyPath(s, spec, 0x10000 + ((highLo - 0xD800) << 10), 0x10000 + ((highHi - 0xD800) << 10) + 0x3FF);
    }

    /// <summary>Whether the UTF-8 encoding of some code point in [lo, hi] is a path of the DFA from the frame's state.</summary>
    private static bool AnyPath(in Frame s, Grammar.StringSpec spec, int lo, int hi)
    {
        if (lo > hi)
        {
            return false;
        }

        var state = s.A;
        var next = spec.Dfa.Next;
        var current = new HashSet<int>();
        var following = new HashSet<int>();
        foreach (var sequence in Utf8Sequences.Of(lo, hi))
        {
            current.Clear();
            current.Add(state);
            foreach (var (byteLo, byteHi) in sequence)
            {
                following.Clear();
                foreach (var st in current)
                {
                    for (var b = byteLo; b <= byteHi; b++)
                    {
                        var n = next[(st << 8) | b];
                        if (n >= 0)
                        {
                            following.Add(n);
                        }
                    }
                }

                (current, following) = (following, current);
                if (current.Count == 0)
                {
                    break;
                }
            }

            if (current.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
