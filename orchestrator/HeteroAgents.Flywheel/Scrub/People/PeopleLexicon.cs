using System.Reflection;

namespace HeteroAgents.Flywheel;

/// <summary>
/// The word lists behind the person-name rules, compiled into the assembly from the <c>*.txt</c> files next to this one:
/// given names (and those that are also words, places or brands), family names written first, words that are never
/// part of a name, and phrases that look like names but are brands, characters, public figures or places.
/// </summary>
internal static class PeopleLexicon
{
    private static readonly Lazy<Lists> All = new(Load);

    /// <summary>Given names that are rarely anything else (exact case, e.g. <c>Anna</c>).</summary>
    public static IReadOnlySet<string> GivenNames => All.Value.Given;

    /// <summary>Given names that are also common words, months, places or brands: they need a surname or a person context.</summary>
    public static IReadOnlySet<string> AmbiguousGivenNames => All.Value.Ambiguous;

    /// <summary>Family names written before the given name (<c>Wang</c>, <c>Nguyễn</c>, <c>Kovács</c>).</summary>
    public static IReadOnlySet<string> SurnamesFirst => All.Value.SurnamesFirst;

    /// <summary>Whether <paramref name="word"/> is a known given name, plain or ambiguous; an all-capitals word is looked up in title case.</summary>
    public static bool IsGivenName(string word, bool includeAmbiguous = true)
    {
        var w = TitleCase(word);
        return All.Value.Given.Contains(w) || (includeAmbiguous && All.Value.Ambiguous.Contains(w));
    }

    /// <summary>Whether <paramref name="word"/> is a word that is never part of a person's name (case-insensitive).</summary>
    public static bool IsCommonWord(string word) => All.Value.Common.Contains(word);

    /// <summary>Spans of <paramref name="text"/> that name a brand, character, public figure or place (see <c>not-people.txt</c>).</summary>
    public static IEnumerable<(int Start, int End, bool MultiWord)> NotPeopleSpans(string text)
    {
        var tokens = Tokens(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!All.Value.NotPeople.TryGetValue(tokens[i].Word, out var phrases))
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                if (i + phrase.Length <= tokens.Count && Enumerable.Range(1, phrase.Length - 1).All(k => tokens[i + k].Word == phrase[k]))
                {
                    yield return (tokens[i].Start, tokens[i + phrase.Length - 1].End, phrase.Length > 1);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="phrase"/> is one of those phrases as a whole (<c>Dr. Martens</c>, <c>Frau Holle</c>).</summary>
    public static bool IsNotPeoplePhrase(string phrase) => All.Value.NotPeopleExact.Contains(string.Join(' ', Tokens(phrase).Select(t => t.Word)));

    // Words in lower case: letters, digits and marks, with inner apostrophes and hyphens ("levi's", "mercedes-benz"), and "&".
    private static List<(int Start, int End, string Word)> Tokens(string text)
    {
        var tokens = new List<(int, int, string)>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '&')
            {
                tokens.Add((i, i + 1, "&"));
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark
                || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            tokens.Add((start, i, text[start..i].Replace('’', '\'').ToLowerInvariant()));
        }

        return tokens;
    }

    private static string TitleCase(string word) =>
        word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c))
            ? string.Concat(word[..1], word[1..].ToLowerInvariant())
            : word;

    private static Lists Load()
    {
        var given = new HashSet<string>(Words("given-names.txt"), StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(Words("given-names-ambiguous.txt"), StringComparer.Ordinal);
        given.ExceptWith(ambiguous);
        var phrases = Lines("not-people.txt").Select(p => Tokens(p).Select(t => t.Word).ToArray()).Where(p => p.Length > 0).ToList();
        return new Lists(
            given,
            ambiguous,
            new HashSet<string>(Words("surnames-first.txt"), StringComparer.Ordinal),
            new HashSet<string>(Words("common-words.txt"), StringComparer.OrdinalIgnoreCase),
            phrases.GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray(), StringComparer.Ordinal),
            new HashSet<string>(phrases.Select(p => string.Join(' ', p)), StringComparer.Ordinal));
    }

    private static IEnumerable<string> Words(string resource) => Lines(resource).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<string> Lines(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HeteroAgents.Flywheel.People." + resource)
            ?? throw new InvalidOperationException($"Embedded word list '{resource}' is missing from {typeof(PeopleLexicon).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private sealed record Lists(
        HashSet<string> Given, HashSet<string> Ambiguous, HashSet<string> SurnamesFirst, HashSet<string> Common,
        Dictionary<string, string[][]> NotPeople, HashSet<string> NotPeopleExact);
}
