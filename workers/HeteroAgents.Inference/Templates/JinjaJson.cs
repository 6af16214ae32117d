using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HeteroAgents.Inference.Templates;

/// <summary>
/// The <c>tojson</c> filter of chat templates as transformers and <c>@huggingface/jinja</c> render it: Python
/// <c>json.dumps</c> spacing (<c>", "</c> and <c>": "</c>, or one item per line with <c>indent</c>), keys in document
/// order, non-ASCII text as is, strings escaped as JavaScript's <c>JSON.stringify</c> does.
/// </summary>
internal static class JinjaJson
{
    /// <summary>Serializes a JSON value.</summary>
    public static string Serialize(JsonElement value, int? indent = null)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, 0);
        return sb.ToString();
    }

    /// <summary>Serializes JSON text (re-formatted in the filter's style).</summary>
    public static string Serialize(string json, int? indent = null)
    {
        using var doc = JsonDocument.Parse(json);
        return Serialize(doc.RootElement, indent);
    }

    /// <summary>A string as a JSON literal.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        WriteString(sb, text);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonElement value, int? indent, int depth)
    {
        var item = indent is > 0 ? "," : ", ";
        var pad = indent is > 0 ? "\n" + new string(' ', indent.Value * depth) : string.Empty;
        var childPad = indent is > 0 ? pad + new string(' ', indent.Value) : string.Empty;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var props = value.EnumerateObject().ToList();
                sb.Append('{');
                for (var i = 0; i < props.Count; i++)
                {
                    sb.Append(i > 0 ? item : string.Empty).Append(childPad);
                    WriteString(sb, props[i].Name);
                    sb.Append(": ");
                    Write(sb, props[i].Value, indent, depth + 1);
                }

                sb.Append(props.Count > 0 ? pad : string.Empty).Append('}');
                break;
            case JsonValueKind.Array:
                var items = value.EnumerateArray().ToList();
                sb.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    sb.Append(i > 0 ? item : string.Empty).Append(childPad);
                    Write(sb, items[i], indent, depth + 1);
                }

                sb.Append(items.Count > 0 ? pad : string.Empty).Append(']');
                break;
            case JsonValueKind.String:
                WriteString(sb, value.GetString()!);
                break;
            case JsonValueKind.Number:
                sb.Append(Number(value));
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    // JavaScript prints numbers by value: 1.0 becomes 1, 1e21 stays 1e+21.
    private static string Number(JsonElement value)
    {
        if (value.TryGetInt64(out var l))
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }

        var d = value.GetDouble();
        if (d == Math.Floor(d) && Math.Abs(d) < 1e21)
        {
            return d.ToString("F0", CultureInfo.InvariantCulture);
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        return r.Contains('E', StringComparison.Ordinal) ? r.Replace("E", "e", StringComparison.Ordinal).Replace("e-0", "e-", StringComparison.Ordinal) : r;
    }

    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }
}
