using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Reads the words of a person's name from a position in a text: capitalized words (<c>Anna</c>, <c>O'Connell</c>,
/// <c>McAllister</c>, <c>Nakamura-Brown</c>, <c>Hye-jin</c>, Cyrillic and Greek alike), initials (<c>J.</c>), lower-case
/// particles between them (<c>von</c>, <c>de</c>, <c>van den</c>), or a run of all-capitals words; single spaces between
/// words. It stops before a common word (<see cref="PeopleLexicon.IsCommonWord"/>) and drops trailing particles and initials.
/// Scripts without letter case are read by <see cref="ReadCaseless"/>.
/// </summary>
internal static partial class NameReader
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "von", "van", "der", "den", "de", "del", "della", "degli", "di", "da", "dos", "das", "do", "du", "des", "le", "la",
        "ten", "ter", "bin", "ibn", "bint", "al", "el", "y", "ní", "nic", "ó", "zu", "af", "av",
    };

    /// <summary>Reads up to <paramref name="maxWords"/> name words from <paramref name="start"/> (spaces skipped); null when none.</summary>
    public static NameSpan? Read(string text, int start, int maxWords = 4)
    {
        var pos = SkipBlanks(text, start);
        var words = new List<string>();
        var ends = new List<int>();
        int first = pos;
        bool? allCaps = null;
        while (words.Count < maxWords && pos < text.Length)
        {
            var m = NameWord().Match(text, pos);
            if (!m.Success)
            {
                break;
            }

            var word = m.Value;
            var caps = word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            var particle = Particles.Contains(word);
            var initial = word.Length == 2 && word[1] == '.';
            if (!particle && ((!initial && PeopleLexicon.IsCommonWord(word)) || (allCaps is { } a && a != caps && word[^1] != '.')))
            {
                break;
            }

            if (!particle && word[^1] != '.')
            {
                allCaps ??= caps;
            }

            words.Add(word);
            ends.Add(m.Index + m.Length);
            pos = m.Index + m.Length;
            if (pos + 1 >= text.Length || text[pos] is not (' ' or '\t' or '\u00A0') || !char.IsLetter(text[pos + 1]))
            {
                break;
            }

            pos++;
        }

        // Drop trailing particles and initials: "Anna de" → "Anna", "Mr J." is not a name by itself.
        while (words.Count > 0 && (Particles.Contains(words[^1]) || words[^1].EndsWith('.')))
        {
            words.RemoveAt(words.Count - 1);
            ends.RemoveAt(ends.Count - 1);
        }

        // A lone particle-like capitalized word ("De", "La") is not a name.
        return words.Count == 0 || (words.Count == 1 && Particles.Contains(words[0])) ? null : new NameSpan(first, ends[^1], words);
    }

    /// <summary>
    /// Reads up to <paramref name="maxWords"/> words of a script without letter case (Arabic, Hebrew, Persian, Devanagari,
    /// Thai, Tamil) from <paramref name="start"/>, stopping at punctuation or a word in <paramref name="stopWords"/>.
    /// </summary>
    public static NameSpan? ReadCaseless(string text, int start, int maxWords, IReadOnlySet<string> stopWords)
    {
        var pos = SkipBlanks(text, start);
        var words = new List<string>();
        var end = pos;
        while (words.Count < maxWords)
        {
            var m = CaselessWord().Match(text, pos);
            if (!m.Success || stopWords.Contains(m.Value))
            {
                break;
            }

            words.Add(m.Value);
            end = m.Index + m.Length;
            if (end >= text.Length || text[end] != ' ')
            {
                break;
            }

            pos = end + 1;
        }

        return words.Count == 0 ? null : new NameSpan(SkipBlanks(text, start), end, words);
    }

    private static int SkipBlanks(string text, int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\u00A0')
        {
            pos++;
        }

        return pos;
    }

    // A capitalized word (with Mc/Mac/De inner capital, O'X, hyphenated parts), an initial, an all-capitals word, or a
    // lower-case particle; never followed by a letter or digit.
    [GeneratedRegex(@"\G(?:\p{Lu}['’]\p{Lu}[\p{Ll}\p{M}]+|\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:-\p{L}[\p{Ll}\p{M}]+)*|\p{Lu}\.(?=[ \t\u00A0])|\p{Lu}{2,}(?:-\p{Lu}{2,})?|von|van|der|den|de|del|della|degli|di|da|dos|das|do|du|des|le|la|ten|ter|bin|ibn|bint|al|el|y|zu|af|av)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\G[\p{L}\p{M}]+", RegexOptions.CultureInvariant)]
    private static partial Regex CaselessWord();
}
