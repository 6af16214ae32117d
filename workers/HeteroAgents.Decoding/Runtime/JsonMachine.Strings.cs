using System.Runtime.CompilerServices;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>The string lexer: escapes are decoded and the content's UTF-8 bytes run through the spec's DFA.</summary>
internal sealed partial class JsonMachine
{
    internal const int StrConsumed = 0, StrRejected = 1, StrClosed = 2;

    // Lexer states: 0 plain, 1 after '\', 2..5 \u hex digits, 6 expect '\' of a low surrogate, 7 expect 'u', 8..11 low hex digits.
    internal int StepString(ref Frame s, int b) => StepString(ref s, b, _strings[s.Spec]);

    internal static int StepString(ref Frame s, int b, Grammar.StringSpec spec)
    {
        var dfa = spec.Dfa;
        switch (s.State)
        {
            case 0:
                if (b == '"')
                {
                    return dfa.Accept[s.A] >= 0 && s.B >= spec.MinLength ? StrClosed : StrRejected;
                }

                if (b == '\\')
                {
                    if (!spec.AllowEscapes)
                    {
                        return StrRejected;
                    }

                    s.State = 1;
                    return CanContinueBackslash(s, spec) ? StrConsumed : StrRejected;
                }

                if (b < 0x20)
                {
                    return StrRejected;
                }

                var next = dfa.Next[(s.A << 8) | b];
                if (next < 0)
                {
                    return StrRejected;
                }

                s.A = next;
                if (spec.Reach is { } reach && (reach[next] & (ulong)s.D) == 0)
                {
                    return StrRejected; // no property that may still come has a name with this prefix
                }

                if ((b & 0xC0) != 0x80 && ++s.B > spec.MaxLength && spec.MaxLength >= 0)
                {
                    return StrRejected;
                }

                return StrConsumed;
            case 1:
                int cp;
                switch (b)
                {
                    case '"' or '\\' or '/': cp = b; break;
                    case 'b': cp = '\b'; break;
                    case 'f': cp = '\f'; break;
                    case 'n': cp = '\n'; break;
                    case 'r': cp = '\r'; break;
                    case 't': cp = '\t'; break;
                    case 'u':
                        s.State = 2;
                        s.C = 0;
                        return CanContinueEscape(s, spec, 0, false) ? StrConsumed : StrRejected;
                    default: return StrRejected;
                }

                s.State = 0;
                return Feed(ref s, cp, spec) ? StrConsumed : StrRejected;
            case 2 or 3 or 4 or 5 or 8 or 9 or 10 or 11:
                var h = Hex(b);
                if (h < 0)
                {
                    return StrRejected;
                }

                s.C = (s.C << 4) | (uint)h;
                if (s.State != 5 && s.State != 11)
                {
                    s.State++;
                    var low = s.State >= 8;
                    return CanContinueEscape(s, spec, s.State - (low ? 8 : 2), low) ? StrConsumed : StrRejected;
                }

                var v = (int)s.C;
                if (s.State == 5)
                {
                    if (v is >= 0xD800 and <= 0xDBFF)
                    {
                        s.E = v;
                        s.State = 6;
                        var block = 0x10000 + ((v - 0xD800) << 10);
                        return (spec.MaxLength < 0 || s.B < spec.MaxLength) && AnyPath(s, spec, block, block + 0x3FF) ? StrConsumed : StrRejected;
                    }

                    if (v is >= 0xDC00 and <= 0xDFFF)
                    {
                        return StrRejected;
                    }

                    s.State = 0;
                    return Feed(ref s, v, spec) ? StrConsumed : StrRejected;
                }

                if (v is < 0xDC00 or > 0xDFFF)
                {
                    return StrRejected;
                }

                s.State = 0;
                return Feed(ref s, spec, 0x10000 + ((s.E - 0xD800) << 10) + (v - 0xDC00)) ? StrConsumed : StrRejected;
            case 6:
                if (b != '\\')
                {
                    return StrRejected;
                }

                s.State = 7;
                return StrConsumed;
            case 7:
                if (b != 'u')
                {
                    return StrRejected;
                }

                s.State = 8;
                s.C = 0;
                return CanContinueEscape(s, spec, 0, true) ? StrConsumed : StrRejected;
            default:
                return StrRejected;
        }
    }

    private static bool Feed(ref Frame s, Grammar.StringSpec spec, int cp) => Feed(ref s, cp, spec);

    private static bool Feed(ref Frame s, int cp, Grammar.StringSpec spec)
    {
        Span<byte> buf = stackalloc byte[4];
        var n = new System.Text.Rune(cp).EncodeToUtf8(buf);
        var state = s.A;
        var next = spec.Dfa.Next;
        for (var i = 0; i < n; i++)
        {
            state = next[(state << 8) | buf[i]];
            if (state < 0)
            {
                return false;
            }
        }

        s.A = state;
        return ++s.B <= spec.MaxLength || spec.MaxLength < 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hex(int b) => b switch
    {
        >= '0' and <= '9' => b - '0',
        >= 'a' and <= 'f' => b - 'a' + 10,
        >= 'A' and <= 'F' => b - 'A' + 10,
        _ => -1,
    };
}
