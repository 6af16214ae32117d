using System.Globalization;
using System.Text.Json;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>Typed field reads over a <see cref="JsonElement"/> that collect located errors instead of throwing.</summary>
internal sealed class FleetConfigReader
{
    public List<FleetConfigError> Errors { get; } = [];

    public void Error(string path, string message) => Errors.Add(new FleetConfigError(path, message));

    /// <summary>Checks the element is an object; with <paramref name="allowed"/>, reports each unknown field.</summary>
    public bool ExpectObject(JsonElement element, string path, IReadOnlyCollection<string>? allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected an object, got {Describe(element)}");
            return false;
        }

        if (allowed is not null)
        {
            foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
            {
                Error($"{path}.{property.Name}", $"unknown field; expected one of: {string.Join(", ", allowed)}");
            }
        }

        return true;
    }

    public TimeSpan Seconds(JsonElement parent, string path, string name, TimeSpan fallback, bool allowZero)
    {
        var seconds = Number(parent, path, name, fallback.TotalSeconds);
        if (seconds < 0 || (!allowZero && seconds == 0) || seconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            Error($"{path}.{name}", $"must be {(allowZero ? ">= 0" : "> 0")} and at most 86400 seconds, got {Format(seconds)}");
            return fallback;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    public double Number(JsonElement parent, string path, string name, double fallback)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Error($"{path}.{name}", $"expected a number, got {Describe(value)}");
            return fallback;
        }

        return value.GetDouble();
    }

    public int Integer(JsonElement parent, string path, string name, int fallback, int minimum)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Error($"{path}.{name}", $"expected a whole number, got {Describe(value)}");
            return fallback;
        }

        if (number < minimum)
        {
            Error($"{path}.{name}", $"must be >= {minimum}, got {number}");
            return fallback;
        }

        return number;
    }

    public string String(JsonElement parent, string path, string name, string fallback) =>
        OptionalString(parent, path, name) ?? fallback;

    public string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Error($"{path}.{name}", $"expected a non-empty string, got {Describe(value)}");
            return null;
        }

        return value.GetString();
    }

    public List<string>? StringArray(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", $"expected an array of strings, got {Describe(value)}");
            return null;
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Error($"{path}.{name}[{index}]", $"expected a string, got {Describe(item)}");
            }

            index++;
        }

        return items;
    }

    public Dictionary<string, string> StringMap(JsonElement parent, string path, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!parent.TryGetProperty(name, out var value))
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error($"{path}.{name}", $"expected an object of strings, got {Describe(value)}");
            return map;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                Error($"{path}.{name}.{property.Name}", $"expected a string, got {Describe(property.Value)}");
            }
            else if (property.Name.Length == 0 || property.Name.Contains('=', StringComparison.Ordinal))
            {
                Error($"{path}.{name}.{property.Name}", "is not a valid environment variable name");
            }
            else
            {
                map[property.Name] = property.Value.GetString()!;
            }
        }

        return map;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"string \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Number => $"number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
