using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HeteroAgents.Flywheel;

/// <summary>
/// A canonical form of JSON values: object members sorted by name (ordinal), no whitespace, numbers in a
/// normalized form (<c>1</c>, <c>1.0</c> and <c>1e0</c> are equal), strings escaped the same way. Two values
/// are equal as data exactly when their canonical forms are equal.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical text of <paramref name="value"/>.</summary>
    public static string Canonicalize(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(value, builder);
        return builder.ToString();
    }

    /// <summary>The canonical text of a JSON document, or null when <paramref name="json"/> is not valid JSON.</summary>
    public static string? TryCanonicalize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return Canonicalize(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A 16-hex-digit fingerprint (SHA-256 prefix) of a schema's canonical form; <c>none</c> when there is no schema.</summary>
    public static string Fingerprint(JsonElement? schema)
    {
        if (schema is not { } s || s.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return "none";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(s)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    private static void Write(JsonElement value, StringBuilder to)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                to.Append('{');
                var first = true;
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        to.Append(',');
                    }

                    first = false;
                    to.Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    Write(property.Value, to);
                }

                to.Append('}');
                break;
            case JsonValueKind.Array:
                to.Append('[');
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (i++ > 0)
                    {
                        to.Append(',');
                    }

                    Write(item, to);
                }

                to.Append(']');
                break;
            case JsonValueKind.String:
                to.Append(JsonSerializer.Serialize(value.GetString()));
                break;
            case JsonValueKind.Number:
                to.Append(value.TryGetDecimal(out var d)
                    ? d.ToString("G29", CultureInfo.InvariantCulture)
                    : value.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                to.Append(value.GetRawText());
                break;
        }
    }
}
