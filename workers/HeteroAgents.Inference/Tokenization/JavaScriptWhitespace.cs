namespace HeteroAgents.Inference.Tokenization;

/// <summary>Trimming with JavaScript's whitespace set (as <c>trimStart</c>/<c>trimEnd</c>), which the reference uses for lstrip/rstrip.</summary>
internal static class JavaScriptWhitespace
{
    public static bool Is(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A')
        or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF';

    public static string TrimStart(string s)
    {
        var i = 0;
        while (i < s.Length && Is(s[i]))
        {
            i++;
        }

        return s[i..];
    }

    public static string TrimEnd(string s)
    {
        var i = s.Length;
        while (i > 0 && Is(s[i - 1]))
        {
            i--;
        }

        return s[..i];
    }
}
