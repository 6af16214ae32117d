using System.Text;
using System.Text.Json;

namespace HeteroAgents.Worker.Confidence;

/// <summary>Finds the leaf values of a JSON answer and where each is written in the model's output text.</summary>
public static class JsonValueSpans
{
    /// <summary>
    /// The leaf values of the JSON value that <paramref name="output"/> holds (surrounding whitespace or a Markdown
    /// code fence allowed, as the result parser allows), in document order; empty when the output holds no JSON.
    /// </summary>
    public static IReadOnlyList<JsonValueSpan> Find(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = output.IndexOfAny(['{', '[']);
        if (start < 0)
        {
            return [];
        }

        var bytes = Encoding.UTF8.GetBytes(output[start..]);
        var charAt = CharIndexes(output[start..], bytes.Length);
        var spans = new List<JsonValueSpan>();
        var path = new List<string>();
        var arrayIndexes = new Stack<int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(Segment(ref pendingName, arrayIndexes));
                        arrayIndexes.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        arrayIndexes.Pop();
                        path.RemoveAt(path.Count - 1);
                        if (arrayIndexes.Count == 0)
                        {
                            return spans; // the root value is complete; whatever follows (a closing fence) is not read
                        }

                        continue;
                    default:
                        var segment = Segment(ref pendingName, arrayIndexes);
                        var end = (int)reader.TokenStartIndex + reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0);
                        spans.Add(new JsonValueSpan(string.Concat(path) + segment, start + charAt[(int)reader.TokenStartIndex], start + charAt[end]));
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            // Output after the first complete value, or broken JSON: the spans found so far stand.
        }

        return spans;
    }

    // The path segment of the value being read: its property name, its array index, or "$" at the root.
    private static string Segment(ref string? pendingName, Stack<int> arrayIndexes)
    {
        if (arrayIndexes.Count == 0)
        {
            return "$";
        }

        if (arrayIndexes.Peek() >= 0)
        {
            var index = arrayIndexes.Pop();
            arrayIndexes.Push(index + 1);
            return $"[{index}]";
        }

        var name = pendingName ?? string.Empty;
        pendingName = null;
        return "." + name;
    }

    // charAt[b] = the UTF-16 index of the character that UTF-8 byte b starts (or continues); charAt[length] = text length.
    private static int[] CharIndexes(string text, int byteCount)
    {
        var map = new int[byteCount + 1];
        var b = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 4 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            for (var k = 0; k < width && b < byteCount; k++)
            {
                map[b++] = i;
            }

            if (width == 4)
            {
                i++;
            }
        }

        map[byteCount] = text.Length;
        return map;
    }
}
