using System.Globalization;
using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Finds the first string (value or member name) of a parsed line that cannot be read as .NET text: valid JSON
/// may escape half a surrogate pair (<c>"\ud800"</c>), which <see cref="JsonElement.GetString"/> refuses with an
/// <see cref="InvalidOperationException"/>. Used only after such a failure, to name the field at fault.
/// </summary>
internal static class InvalidTextFinder
{
    /// <summary>The JSON path (<c>input.labels[0]</c> style) of the first unreadable string, or null when every string reads.</summary>
    public static string? Find(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(() => element.GetString()) ? null : (path.Length == 0 ? "$" : path);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path.Length == 0 ? "$" : path;
                    }

                    if (Find(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            _ = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
