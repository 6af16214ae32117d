namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// One pre-tokenizer of a <c>tokenizer.json</c> chain, as a regex over code points: <c>Split</c> (Isolated, Removed,
/// or with <c>invert</c> the matches themselves), <c>Digits</c>, and the splitting half of <c>ByteLevel</c>.
/// </summary>
internal sealed class PreTokenizerStep
{
    /// <summary>
    /// GPT-2's pattern as <c>ByteLevel(use_regex=true)</c> runs it in Hugging Face's tokenizers: JavaScript's <c>\s</c>
    /// (which counts U+FEFF as space and U+0085 as not) in <c>u</c> mode.
    /// </summary>
    private const string JsSpace = @"\t\n\v\f\r \xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private static readonly string Gpt2 = $@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{{L}}+| ?\p{{N}}+| ?[^{JsSpace}\p{{L}}\p{{N}}]+|[{JsSpace}]+(?![^{JsSpace}])|[{JsSpace}]+";

    private readonly UnicodePattern? _pattern;
    private readonly SplitMode _mode;

    private PreTokenizerStep(UnicodePattern? pattern, SplitMode mode, string description)
    {
        _pattern = pattern;
        _mode = mode;
        Description = description;
    }

    /// <summary>How the matches of the pattern become pieces.</summary>
    public enum SplitMode
    {
        /// <summary>The matches are the pieces (the text between them is dropped).</summary>
        Matches,

        /// <summary>Matches and the text between them are pieces (Split behavior Isolated).</summary>
        Isolated,

        /// <summary>Only the text between matches is kept (Split behavior Removed).</summary>
        Removed,
    }

    /// <summary>What the step is, for messages and tests.</summary>
    public string Description { get; }

    /// <summary>The byte-level GPT-2 split (<c>ByteLevel</c> with <c>use_regex</c>).</summary>
    public static PreTokenizerStep ByteLevelSplit() => new(new UnicodePattern(Gpt2), SplitMode.Matches, "ByteLevel(use_regex)");

    /// <summary>
    /// <c>ByteLevel</c>'s <c>add_prefix_space</c>: a space before every piece that does not start with one (each piece
    /// that reaches the step, as the reference applies it).
    /// </summary>
    public static PreTokenizerStep PrefixSpace() => new(null, SplitMode.Matches, "ByteLevel(add_prefix_space)");

    /// <summary><c>Digits</c>: ASCII digits apart from the rest, one piece per digit or per run.</summary>
    public static PreTokenizerStep Digits(bool individual)
        => new(new UnicodePattern(individual ? "[^0-9]+|[0-9]" : "[^0-9]+|[0-9]+"), SplitMode.Matches, $"Digits(individual_digits={individual})");

    /// <summary><c>Split</c> on an Oniguruma regex (translated by <see cref="OnigurumaTranslator"/>).</summary>
    public static PreTokenizerStep Split(string onigurumaPattern, SplitMode mode)
        => new(new UnicodePattern(OnigurumaTranslator.Translate(onigurumaPattern)), mode, $"Split({mode})");

    /// <summary><c>Split</c> on a literal string.</summary>
    public static PreTokenizerStep SplitLiteral(string literal, SplitMode mode)
        => new(new UnicodePattern(System.Text.RegularExpressions.Regex.Escape(literal)), mode, $"Split(\"{literal}\", {mode})");

    /// <summary>Splits every piece of <paramref name="pieces"/> and returns the new pieces.</summary>
    public List<string> Apply(List<string> pieces)
    {
        if (_pattern is null)
        {
            return pieces.ConvertAll(p => p.StartsWith(' ') ? p : " " + p);
        }

        var result = new List<string>(pieces.Count * 2);
        foreach (var piece in pieces)
        {
            var previous = 0;
            foreach (var (start, length) in _pattern.Matches(piece))
            {
                if (_mode != SplitMode.Matches && start > previous)
                {
                    result.Add(piece[previous..start]);
                }

                if (_mode != SplitMode.Removed && length > 0)
                {
                    result.Add(piece.Substring(start, length));
                }

                previous = start + length;
            }

            if (_mode != SplitMode.Matches && previous < piece.Length)
            {
                result.Add(piece[previous..]);
            }
        }

        return result;
    }
}
