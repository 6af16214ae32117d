using System.Text;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// Translates the Oniguruma patterns of <c>tokenizer.json</c> Split pre-tokenizers into .NET patterns with the meaning
/// Hugging Face's tokenizers give them: <c>\s</c> is the Unicode White_Space property (not .NET's set), <c>(?i:…)</c>
/// folds ASCII letters only, <c>.</c> excludes only <c>\n</c>, <c>^</c>/<c>$</c> are line anchors, a possessive
/// <c>+</c> is read as greedy, and <c>\p{…}</c> classes are kept (code points above U+FFFF are handled by
/// <see cref="UnicodePattern"/>). Constructs without a faithful translation are refused.
/// </summary>
internal static class OnigurumaTranslator
{
    /// <summary>The members of the White_Space property, for use inside a character class.</summary>
    public const string WhiteSpaceMembers = @"\t\n\v\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

    /// <summary>Translates <paramref name="pattern"/>; throws <see cref="FormatException"/> naming what is not supported.</summary>
    public static string Translate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var sb = new StringBuilder(pattern.Length * 2);
        var folds = new Stack<bool>();
        var fold = false;
        var lastWasQuantifier = false;
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i = Escape(pattern, i, sb, inClass: false);
                    lastWasQuantifier = false;
                    continue;
                case '[':
                    i = CharacterClass(pattern, i, sb, fold);
                    lastWasQuantifier = false;
                    continue;
                case '(':
                    folds.Push(fold);
                    if (string.CompareOrdinal(pattern, i, "(?i:", 0, 4) == 0)
                    {
                        fold = true;
                        sb.Append("(?:");
                        i += 4;
                    }
                    else if (string.CompareOrdinal(pattern, i, "(?>", 0, 3) == 0)
                    {
                        sb.Append("(?:");
                        i += 3;
                    }
                    else if (i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] is not (':' or '=' or '!' or '<'))
                    {
                        throw new FormatException($"the group '{pattern.Substring(i, Math.Min(4, pattern.Length - i))}' at {i} is not supported");
                    }
                    else
                    {
                        sb.Append('(');
                        i++;
                    }

                    lastWasQuantifier = false;
                    continue;
                case ')':
                    fold = folds.Count > 0 ? folds.Pop() : throw new FormatException($"unbalanced ')' at {i}");
                    sb.Append(')');
                    i++;
                    lastWasQuantifier = false;
                    continue;
                case '.':
                    sb.Append(@"[^\n]");
                    break;
                case '^':
                    sb.Append(@"(?:\A|(?<=\n))");
                    break;
                case '$':
                    sb.Append(@"(?:(?=\n)|\z)");
                    break;
                case '+' when lastWasQuantifier:
                    i++;
                    continue;
                case '+' or '*' or '?':
                    sb.Append(c);
                    i++;
                    lastWasQuantifier = true;
                    continue;
                case '{':
                    var close = pattern.IndexOf('}', i);
                    sb.Append(pattern, i, close < 0 ? 1 : close - i + 1);
                    i = close < 0 ? i + 1 : close + 1;
                    lastWasQuantifier = close >= 0;
                    continue;
                default:
                    AppendLiteral(sb, c, fold);
                    break;
            }

            i++;
            lastWasQuantifier = false;
        }

        return sb.ToString();
    }

    private static void AppendLiteral(StringBuilder sb, char c, bool fold)
    {
        if (fold && char.IsAsciiLetter(c))
        {
            sb.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
        }
        else
        {
            sb.Append(c);
        }
    }

    private static int CharacterClass(string pattern, int start, StringBuilder sb, bool fold)
    {
        sb.Append('[');
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            sb.Append('^');
            i++;
        }

        var first = true;
        while (i < pattern.Length && (pattern[i] != ']' || first))
        {
            first = false;
            var c = pattern[i];
            if (c == '\\')
            {
                i = Escape(pattern, i, sb, inClass: true);
                continue;
            }

            if (c == '[' || (c == '&' && i + 1 < pattern.Length && pattern[i + 1] == '&'))
            {
                throw new FormatException($"nested classes and intersections ('{c}' at {i}) are not supported");
            }

            if (fold && char.IsAsciiLetter(c))
            {
                sb.Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c));
            }
            else
            {
                sb.Append(c == '-' && i + 1 < pattern.Length && pattern[i + 1] == ']' ? @"\-" : c.ToString());
            }

            i++;
        }

        if (i >= pattern.Length)
        {
            throw new FormatException($"unterminated character class at {start}");
        }

        sb.Append(']');
        return i + 1;
    }

    private static int Escape(string pattern, int i, StringBuilder sb, bool inClass)
    {
        if (i + 1 >= pattern.Length)
        {
            throw new FormatException("the pattern ends with '\\'");
        }

        var e = pattern[i + 1];
        switch (e)
        {
            case 's':
                sb.Append(inClass ? WhiteSpaceMembers : "[" + WhiteSpaceMembers + "]");
                return i + 2;
            case 'S' when !inClass:
                sb.Append("[^" + WhiteSpaceMembers + "]");
                return i + 2;
            case 'd':
                sb.Append(@"\p{Nd}");
                return i + 2;
            case 'D':
                sb.Append(@"\P{Nd}");
                return i + 2;
            case 'A' or 'z':
                sb.Append('\\').Append(e);
                return i + 2;
            case 'Z':
                sb.Append(@"(?=\n?\z)");
                return i + 2;
            case 'p' or 'P':
                var close = pattern.IndexOf('}', i);
                if (i + 2 >= pattern.Length || pattern[i + 2] != '{' || close < 0)
                {
                    throw new FormatException($"malformed '\\{e}' at {i}");
                }

                var name = pattern[(i + 3)..close];
                if (name.Length is < 1 or > 2 || !"LMNPSZC".Contains(name[0], StringComparison.Ordinal))
                {
                    throw new FormatException($"the property '\\{e}{{{name}}}' is not supported (only general categories)");
                }

                sb.Append('\\').Append(e).Append('{').Append(name).Append('}');
                return close + 1;
            case 'r' or 'n' or 't' or 'f' or 'v' or 'x' or 'u' or 'e' or 'a':
                sb.Append('\\').Append(e);
                return i + 2;
            case 'w' or 'W' or 'b' or 'B' or 'h' or 'H' or 'G' or 'S' or 'k' or 'g' or 'K' or 'X' or 'R' or 'N' or 'O' or 'y' or 'Y':
                throw new FormatException($"'\\{e}' at {i} is not supported");
            default:
                if (char.IsAsciiDigit(e))
                {
                    throw new FormatException($"back reference '\\{e}' at {i} is not supported");
                }

                sb.Append('\\').Append(e);
                return i + 2;
        }
    }
}
