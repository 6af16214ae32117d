namespace HeteroAgents.Contracts;

/// <summary>The word count a summary's <c>max_words</c> budget is checked against: maximal runs of non-whitespace characters.</summary>
public static class SummaryWords
{
    /// <summary>Counts the words of <paramref name="text"/> without allocating.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }
}
