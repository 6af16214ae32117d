using System.Text;
using System.Text.Json;

namespace HeteroAgents.Decoding;

/// <summary>
/// Writes JSON in the canonical form the compiled grammars accept in compact mode: no whitespace, numbers as
/// written, and strings escaped minimally (only <c>"</c>, <c>\</c> and control characters, which use the short escapes
/// where JSON has them and <c>\u00XX</c> otherwise); all other characters are written as raw UTF-8.
/// </summary>
public static class CompactJson
{
    /// <summary>Serializes <paramref name="value"/> canonically to UTF-8 bytes.</summary>
    public static byte[] ToUtf8(JsonElement value)
    {
        var sb = new StringBuilder();
        Write(value, sb);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Serializes <paramref name="value"/> canonically to a string.</summary>
    public static string ToText(JsonElement value)
    {
        var sb = new StringBuilder();
        Write(value, sb);
        return sb.ToString();
    }

    /// <summary>Appends the canonical JSON string literal for <paramref name="s"/>.</summary>
    public static void WriteString(string s, StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }

    private static void Write(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                var first = true;
                foreach (var p in e.EnumerateObject())
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(p.Name, sb);
                    sb.Append(':');
                    Write(p.Value, sb);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in e.EnumerateArray())
                {
                    if (!firstItem)
                    {
                        sb.Append(',');
                    }

                    firstItem = false;
                    Write(item, sb);
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(e.GetString()!, sb);
                break;
            default:
                sb.Append(e.GetRawText());
                break;
        }
    }
}
