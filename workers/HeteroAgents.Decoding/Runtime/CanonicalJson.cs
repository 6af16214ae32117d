using System.Text;
using System.Text.Json;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// A canonical text per JSON value, equal exactly for values JSON Schema calls equal: object members sorted by name,
/// strings with escapes decoded, numbers by value (1, 1.0 and 10e-1 are one value; any number of digits).
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical text of the value in <paramref name="utf8"/>, or null when it is not one JSON value.</summary>
    public static string? Of(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 1100 });
            var sb = new StringBuilder();
            Write(doc.RootElement, sb);
            return sb.ToString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Write(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    CompactJson.WriteString(p.Name, sb);
                    sb.Append(':');
                    Write(p.Value, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                foreach (var item in e.EnumerateArray())
                {
                    Write(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                CompactJson.WriteString(e.GetString()!, sb);
                break;
            case JsonValueKind.Number:
                Number(e.GetRawText(), sb);
                break;
            default:
                sb.Append(e.GetRawText());
                break;
        }
    }

    /// <summary>Writes sign, significant digits and decimal exponent: <c>d.ddd</c> × 10^e as "-ddd e".</summary>
    private static void Number(string text, StringBuilder sb)
    {
        var negative = text[0] == '-';
        var i = negative ? 1 : 0;
        var digits = new StringBuilder();
        var exponent = System.Numerics.BigInteger.Zero;
        var seenPoint = false;
        for (; i < text.Length && text[i] is not ('e' or 'E'); i++)
        {
            if (text[i] == '.')
            {
                seenPoint = true;
                continue;
            }

            digits.Append(text[i]);
            if (seenPoint)
            {
                exponent--;
            }
        }

        if (i < text.Length)
        {
            exponent += System.Numerics.BigInteger.Parse(text.AsSpan(i + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
        }

        var s = digits.ToString().TrimStart('0');
        var trimmed = s.TrimEnd('0');
        exponent += s.Length - trimmed.Length;
        if (trimmed.Length == 0)
        {
            sb.Append('0');
            return;
        }

        sb.Append(negative ? "-" : "").Append(trimmed).Append('e').Append(exponent);
    }
}
