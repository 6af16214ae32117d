using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace HeteroAgents.Worker.Pipeline;

/// <summary>
/// Parses a model's text output as one JSON value. Surrounding whitespace and a Markdown code fence
/// (<c>```json ... ```</c>, which some servers add despite the response format) are tolerated; anything else is not.
/// </summary>
public static class ResultParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, out JsonElement result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the model returned no output";
            return false;
        }

        var body = StripFence(text.Trim());
        try
        {
            using var document = JsonDocument.Parse(body);
            result = document.RootElement.Clone();
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"the output is not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? text[3..^3] : text[(firstLineEnd + 1)..^3].Trim();
    }
}
