using System.Text.RegularExpressions;

namespace HeteroAgents.Contracts;

/// <summary>
/// Measures how far a source supports a summary. Facts: every date of the summary must be one of the source's dates
/// (<see cref="SourceDates"/>), every other number one of its numbers (<see cref="SourceNumbers"/>, digits only in the
/// summary), and every name — a capitalized word that does not start a sentence — must occur in the source. Words:
/// the summary's content words (letter runs of three or more, lower-cased, without English stop words and without words
/// about the message itself such as "customer", "reports", "wants") count as found when the source has the same word
/// or the same stem (a light suffix strip, so "delayed" matches "delay" and "replacement" matches "replace");
/// <see cref="SummaryGroundingResult.Faithfulness"/> is the share found. A summary with no content words
/// has faithfulness 0: it says nothing the source can support.
/// </summary>
public static partial class SummaryGrounding
{
    /// <summary>
    /// The faithfulness below which a summary is rejected as unfaithful (<see cref="ResultCheckNames.SummaryFaithfulness"/>),
    /// whatever the routing policy: 0.5, i.e. at least half of its content words come from the source. The routing
    /// policy's <c>summarize.min_confidence</c> (the faithfulness a summary needs to be completed) is set above it.
    /// </summary>
    public const double DefaultMinFaithfulness = 0.5;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English function words.
        "the", "and", "for", "are", "but", "not", "you", "your", "yours", "all", "any", "can", "had", "has", "have", "her", "hers", "him", "his",
        "how", "its", "may", "our", "ours", "out", "she", "they", "them", "their", "theirs", "this", "that", "these", "those", "then", "than",
        "there", "here", "was", "were", "been", "being", "will", "would", "shall", "should", "could", "might", "must", "with", "without",
        "from", "into", "onto", "upon", "about", "above", "below", "after", "before", "again", "against", "between", "during", "through",
        "over", "under", "while", "what", "which", "who", "whom", "whose", "why", "when", "where", "also", "just", "only", "very", "too",
        "some", "such", "each", "both", "few", "more", "most", "other", "own", "same", "does", "did", "doing", "done", "yet", "still",
        "because", "since", "until", "though", "although", "however", "whether", "either", "neither", "nor", "per", "via", "one", "ones",
        "now", "get", "got", "gets", "off", "well", "way", "even", "ever", "every", "much", "many", "let", "lets", "put", "yes",
        "himself", "herself", "itself", "themselves", "ourselves", "yourself", "myself", "who's", "it's", "isn", "aren", "wasn", "weren",
        "don", "doesn", "didn", "won", "wouldn", "couldn", "shouldn", "hasn", "haven", "hadn", "can't", "cannot",
        // Words about the message rather than its content, common in summaries.
        "customer", "customers", "client", "user", "sender", "writer", "author", "caller", "person", "someone", "they're",
        "report", "reports", "reported", "reporting", "say", "says", "said", "state", "states", "stated", "write", "writes", "wrote",
        "ask", "asks", "asked", "asking", "request", "requests", "requested", "requesting", "want", "wants", "wanted", "mention", "mentions",
        "mentioned", "complain", "complains", "complained", "explain", "explains", "explained", "note", "notes", "noted", "describe",
        "describes", "described", "claim", "claims", "claimed", "inform", "informs", "informed", "issue", "issues", "problem", "problems",
        "message", "email", "text", "summary", "regarding", "concerning", "concern", "concerns", "needs", "need", "seeks", "seek",
    };

    /// <summary>Evaluates <paramref name="summary"/> against <paramref name="source"/>.</summary>
    public static SummaryGroundingResult Evaluate(string source, string summary)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(summary);

        var missing = new List<string>();
        var rest = summary.ToCharArray();
        var dates = new Lazy<SourceDates>(() => new SourceDates(source));
        foreach (var date in DateReader.FindDates(summary))
        {
            if (!dates.Value.Contains(date))
            {
                missing.Add(date.Text);
            }

            Array.Fill(rest, ' ', date.Index, date.Text.Length);
        }

        var numbers = new Lazy<SourceNumbers>(() => new SourceNumbers(source));
        missing.AddRange(NumberReader.Find(new string(rest)).Where(n => !numbers.Value.Contains(n)).Select(n => n.Text));

        var sourceWords = Words().Matches(source).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var sourceStems = new Lazy<HashSet<string>>(() => sourceWords.Select(Stem).ToHashSet(StringComparer.Ordinal));
        var unsupported = new List<string>();
        var content = 0;
        var found = 0;
        foreach (Match word in Words().Matches(summary))
        {
            var lower = word.Value.ToLowerInvariant();
            if (IsName(summary, word) && !sourceWords.Contains(lower))
            {
                missing.Add(word.Value);
            }

            if (lower.Length < 3 || StopWords.Contains(lower))
            {
                continue;
            }

            content++;
            if (sourceWords.Contains(lower) || sourceStems.Value.Contains(Stem(lower)))
            {
                found++;
            }
            else if (!unsupported.Contains(lower))
            {
                unsupported.Add(lower);
            }
        }

        return new SummaryGroundingResult(content == 0 ? 0 : (double)found / content, content, found, unsupported, [.. missing.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The light stem both sides are compared by (for lower-case words): one common English suffix removed
    /// (<c>-ation(s)</c>, <c>-ment(s)</c>, <c>-ing(s)</c>, <c>-edly</c>, <c>-ies</c>/<c>-ied</c> → <c>-y</c>, <c>-er(s)</c>,
    /// <c>-ed</c>, <c>-es</c>, <c>-ly</c>, <c>-s</c>) when three letters remain, then a final <c>e</c> and one letter of a
    /// doubled final consonant.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string[] suffixes = ["ations", "ation", "ments", "ment", "ings", "ing", "edly", "ies", "ied", "ers", "er", "ed", "es", "ly", "s"];
        var stem = word;
        foreach (var suffix in suffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= 3)
            {
                stem = stem[..^suffix.Length] + (suffix is "ies" or "ied" ? "y" : string.Empty);
                break;
            }
        }

        if (stem.Length > 3 && stem[^1] == 'e')
        {
            stem = stem[..^1];
        }

        if (stem.Length > 3 && stem[^1] == stem[^2] && !"aeiou".Contains(stem[^1], StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        return stem;
    }

    // A capitalized word that does not start a sentence (after . ! ? : a line break, a bullet, or at the start) and is not "I".
    private static bool IsName(string text, Match word)
    {
        if (!char.IsUpper(word.Value[0]) || word.Value == "I")
        {
            return false;
        }

        for (var i = word.Index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '"' or '\'' or '(' or '“' or '‘')
            {
                continue;
            }

            return c is not ('.' or '!' or '?' or ':' or ';' or '\n' or '\r' or '-' or '*' or '•');
        }

        return false;
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
