using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Person names (<see cref="PiiType.Name"/>), found from context and word lists, never from capitalization alone:
/// after a title (<c>Mr.</c>, <c>Frau</c>, <c>señor</c>) or before one (<c>Bey</c>, <c>様</c>, <c>女士</c>, <c>님</c>); after an
/// introduction (<c>my name is</c>, <c>je m'appelle</c>, <c>меня зовут</c>, <c>我是</c>), a field label (<c>Name:</c>,
/// <c>CC:</c>, <c>收件人：</c>), a closing (<c>Regards,</c>), a greeting (<c>Hi</c>, <c>Dear</c>), a person word
/// (<c>my husband</c>, <c>Agent</c>) or phrase (<c>on behalf of</c>, <c>signed for by</c>); a known given name followed
/// by a surname (<c>Ethan Walker</c>), or a known family name written first (<c>Wang Fang</c>); two capitalized words
/// ending in a family-name suffix (<c>Игорю Волкову</c>, <c>Ελένη Κωνσταντίνου</c>); a lone given name only before a
/// verb such as <c>from</c>, <c>said</c>, <c>asked</c>. Brands, characters, public figures and places that look like
/// names (<see cref="PeopleLexicon.NotPeopleSpans"/>) are left alone, as are capitalized words after a determiner
/// (<c>the Billy bookcase</c>). Titles, honorifics and context words stay in the text.
/// </summary>
internal static class PersonNames
{
    private static readonly HashSet<string> LightPhrases = new(StringComparer.OrdinalIgnoreCase) { "ask", "tell", "thank", "remind", "call", "email", "cc", "with", "and", "to", "by", "for" };

    private static readonly HashSet<string> CaselessStopWords = new(StringComparer.Ordinal)
    {
        "है", "हूँ", "हूं", "और", "ولم", "و", "بخصوص", "في", "من", "هستم", "ואני", "ו", "לא", "של", "ค่ะ", "ครับ",
    };

    private static readonly HashSet<string> CjkNotNames = new(StringComparer.Ordinal)
    {
        "고객", "회원", "담당자", "여러분", "선생", "사장", "担当者", "お客", "皆", "御社", "貴社", "会員", "客户", "顾客", "先生", "女士",
    };

    private const string CjkStopChars = "说的在是要已想问反表让和与对称提给把被也都就了您请";

    /// <summary>Adds the name candidates of <paramref name="text"/> to <paramref name="into"/>.</summary>
    public static void AddCandidates(List<PiiFinding> into, string text)
    {
        var found = new List<(int Start, int End)>();
        Cased(found, text);
        Caseless(found, text);
        if (found.Count == 0)
        {
            return;
        }

        var notPeople = PeopleLexicon.NotPeopleSpans(text).ToList();
        foreach (var (start, end) in found.Distinct())
        {
            if (!notPeople.Any(n => (n.Start <= start && end <= n.End) || (n.MultiWord && n.Start < end && start < n.End)))
            {
                into.Add(new PiiFinding(PiiType.Name, start, end - start, text[start..end]));
            }
        }
    }

    private static void Cased(List<(int, int)> found, string text)
    {
        foreach (Match m in PersonNamePatterns.CapitalTitle().Matches(text))
        {
            AddAfterTitle(found, text, m);
        }

        foreach (Match m in PersonNamePatterns.LowerTitle().Matches(text))
        {
            AddAfterTitle(found, text, m);
        }

        AddGroups(found, PersonNamePatterns.HonorificAfter().Matches(text));
        AddGroups(found, PersonNamePatterns.NameBeforeVerb().Matches(text));
        foreach (Match m in PersonNamePatterns.LowerCaseIntroduction().Matches(text))
        {
            var words = m.Groups["name"].Value.Split(' ', '\t');
            if (!words.Any(PeopleLexicon.IsCommonWord) && (words.Length == 2 || PeopleLexicon.IsGivenName(Title(words[0]))))
            {
                Add(found, m.Groups["name"]);
            }
        }

        AddAfter(found, text, PersonNamePatterns.StrongIntroduction(), static (_, _) => true);
        AddAfter(found, text, PersonNamePatterns.WeakIntroduction(), static (s, _) => s.FullWords >= 2 || PeopleLexicon.IsGivenName(s.First));
        AddAfter(found, text, PersonNamePatterns.Closing(), static (s, _) => s.FullWords >= 2 || s.Words.Count >= 2 || PeopleLexicon.IsGivenName(s.First));
        AddAfter(found, text, PersonNamePatterns.Greeting(), static (s, _) => s.FullWords >= 2 || PeopleLexicon.IsGivenName(s.First));
        AddAfter(found, text, PersonNamePatterns.PersonWord(), static (s, _) => s.FullWords >= 2 || PeopleLexicon.IsGivenName(s.First));
        AddAfter(found, text, PersonNamePatterns.PersonPhrase(), static (s, context) => LightPhrases.Contains(context.Trim())
            ? PeopleLexicon.IsGivenName(s.First, includeAmbiguous: false)
            : s.FullWords >= 2 || (s.FullWords == 1 && s.Words.Count >= 2) || PeopleLexicon.IsGivenName(s.First));
        foreach (Match m in PersonNamePatterns.FieldLabel().Matches(text))
        {
            AddLabelled(found, text, m.Index + m.Length);
        }

        FromWordLists(found, text);
    }

    private static void AddAfterTitle(List<(int, int)> found, string text, Match m)
    {
        if (NameReader.Read(text, m.Index + m.Length, 3) is { } span
            && !PeopleLexicon.IsNotPeoplePhrase(m.Groups["title"].Value + " " + span.First))
        {
            found.Add((span.Start, span.End));
        }
    }

    private static void AddAfter(List<(int, int)> found, string text, Regex context, Func<NameSpan, string, bool> accept)
    {
        foreach (Match m in context.Matches(text))
        {
            if (NameReader.Read(text, m.Index + m.Length) is { } span && accept(span, m.Value))
            {
                found.Add((span.Start, span.End));
            }
        }
    }

    // "Name: Grace Adebayo", "CC: Lucas Martin, Amelia Ward", "Submitted by: Kowalski, Piotr".
    private static void AddLabelled(List<(int, int)> found, string text, int at)
    {
        var first = true;
        while (NameReader.Read(text, at) is { } span && (span.FullWords >= 2 || PeopleLexicon.IsGivenName(span.First) || (first && span.FullWords == 1 && !span.First.EndsWith('.'))))
        {
            var end = span.End;
            var next = Comma(text, end);
            if (first && span.Words.Count == 1 && next > 0 && NameReader.Read(text, next, 1) is { } given
                && PeopleLexicon.IsGivenName(given.First) && (given.End == text.Length || !char.IsLetterOrDigit(text[given.End])) && Comma(text, given.End) < 0)
            {
                end = given.End; // "Kowalski, Piotr"
                next = -1;
            }

            if (first && span.FullWords == 1 && end == span.End && !PeopleLexicon.IsGivenName(span.First))
            {
                return; // one unknown word after a label ("From: Amazon") is not taken
            }

            found.Add((span.Start, end));
            if (next < 0)
            {
                return;
            }

            at = next;
            first = false;
        }
    }

    // Given name + surname, family name first + given name, or a surname ending; a lone given name before a verb.
    private static void FromWordLists(List<(int, int)> found, string text)
    {
        var taken = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (i < taken || !char.IsUpper(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '\'' or '’' or '-' or '.')))
            {
                continue;
            }

            if (NameReader.Read(text, i) is not { } span || span.Start != i || DeterminerBefore(text, i))
            {
                continue;
            }

            var given = PeopleLexicon.IsGivenName(span.First);
            var accept = span.FullWords >= 2 && (given
                || (PeopleLexicon.SurnamesFirst.Contains(span.First) && span.Words.Skip(1).Any(w => PeopleLexicon.IsGivenName(w, includeAmbiguous: false))));
            if (!accept && span.FullWords >= 2 && PersonNamePatterns.SurnameEnding().IsMatch(span.Words[^1]))
            {
                // A family-name ending marks the last two words only: "Передайте Сергею Кузнецову" → "Сергею Кузнецову".
                accept = true;
                span = span with { Start = span.End - span.Words[^1].Length - 1 - span.Words[^2].Length, Words = span.Words.TakeLast(2).ToList() };
            }

            if (!accept && span.Words.Count == 1 && PeopleLexicon.IsGivenName(span.First, includeAmbiguous: false))
            {
                accept = PersonNamePatterns.AfterLoneName().IsMatch(text, span.End);
            }

            if (accept)
            {
                found.Add((span.Start, span.End));
                taken = span.End;
            }
        }
    }

    private static void Caseless(List<(int, int)> found, string text)
    {
        foreach (Match m in PersonNamePatterns.CaselessContext().Matches(text))
        {
            if (NameReader.ReadCaseless(text, m.Index + m.Length, 3, CaselessStopWords) is { } span)
            {
                // A third word only when it does not start with the conjunction "و"/"ו" and is not a long run (Thai writes no spaces).
                var end = span.Words.Count == 3 && (span.Words[2][0] is 'و' or 'ו' || span.Words[2].Length > 10)
                    ? span.Start + span.Words[0].Length + 1 + span.Words[1].Length
                    : span.End;
                found.Add((span.Start, end));
            }
        }

        AddGroups(found, PersonNamePatterns.PersianIntroduction().Matches(text));
        foreach (Match m in PersonNamePatterns.CjkLabel().Matches(text))
        {
            var name = m.Groups["name"];
            var cut = name.Value.IndexOfAny(CjkStopChars.ToCharArray(), 2);
            var length = cut < 0 ? name.Length : cut;
            if (!CjkNotNames.Contains(name.Value[..length]))
            {
                found.Add((name.Index, name.Index + length));
            }
        }

        foreach (var regex in new[] { PersonNamePatterns.JapaneseHonorific(), PersonNamePatterns.ChineseHonorific(), PersonNamePatterns.KoreanName() })
        {
            foreach (Match m in regex.Matches(text))
            {
                if (!CjkNotNames.Contains(m.Groups["name"].Value))
                {
                    Add(found, m.Groups["name"]);
                }
            }
        }
    }

    private static void AddGroups(List<(int, int)> found, MatchCollection matches)
    {
        foreach (Match m in matches)
        {
            Add(found, m.Groups["name"]);
        }
    }

    private static void Add(List<(int, int)> found, Group g) => found.Add((g.Index, g.Index + g.Length));

    // Offset of the next name after ", " at end, or -1.
    private static int Comma(string text, int end) =>
        end + 2 < text.Length && text[end] == ',' && text[end + 1] is ' ' or '\t' && char.IsUpper(text[end + 2]) ? end + 2 : -1;

    private static bool DeterminerBefore(string text, int i) =>
        PersonNamePatterns.DeterminerBefore().IsMatch(text.AsSpan(Math.Max(0, i - 12), Math.Min(12, i)));

    private static string Title(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
