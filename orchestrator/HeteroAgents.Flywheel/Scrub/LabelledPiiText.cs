using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>One line of a labelled PII corpus: <c>{"text":"...","pii":[{"type":"EMAIL","value":"..."}]}</c>.</summary>
/// <param name="Text">The text.</param>
/// <param name="Pii">The personal data planted in it; <c>type</c> is a placeholder name without brackets (<c>EMAIL</c>, <c>NATIONAL_ID</c>, ...).</param>
public sealed record LabelledPiiText(string Text, IReadOnlyList<LabelledPii> Pii)
{
    /// <summary>Reads a labelled corpus (JSONL); a bad line throws <see cref="FormatException"/> naming it.</summary>
    public static IReadOnlyList<LabelledPiiText> ReadFile(string path)
    {
        var list = new List<LabelledPiiText>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var item = JsonSerializer.Deserialize<LabelledPiiText>(line, HeteroJson.Options)
                    ?? throw new FormatException($"{path}:{number}: expected an object, found null.");
                foreach (var pii in item.Pii)
                {
                    _ = pii.ParsedType();
                    if (!item.Text.Contains(pii.Value, StringComparison.Ordinal))
                    {
                        throw new FormatException($"{path}:{number}: labelled value '{pii.Value}' does not occur in the text.");
                    }
                }

                list.Add(item);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                throw new FormatException($"{path}:{number}: {ex.Message}", ex);
            }
        }

        return list;
    }
}
