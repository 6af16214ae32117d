using System.Text.Json;
using HeteroAgents.Plugins.SemanticKernel;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.Tests.BadInput;

/// <summary>A bad-input corpus line turned into a plugin call: the function, its arguments and the parameter the error must name.</summary>
/// <param name="Name">The corpus file, line and case name.</param>
/// <param name="Function">The plugin function (<c>classify</c>, <c>extract</c>, <c>call_tool</c>, <c>summarize</c>).</param>
/// <param name="Arguments">The call's arguments, built from the line's <c>input</c>.</param>
/// <param name="Parameter">The parameter the <see cref="ArgumentException"/> must name.</param>
internal sealed record PluginCorpusCall(string Name, string Function, KernelArguments Arguments, string Parameter)
{
    /// <summary>
    /// The corpus cases the plugin can express: lines whose <c>input</c> only has members that are plugin parameters,
    /// each of the type the parameter takes, and whose expected error names an input field. Other cases (malformed
    /// JSON, envelope errors, unknown members, values of another type) have no plugin-call equivalent.
    /// </summary>
    /// <summary>The corpus's <c>MaxTextChars</c> limit (the test configures the plugin's own limit to it).</summary>
    public static int MaxTextChars { get; } = 16_384;

    public static IReadOnlyList<PluginCorpusCall> Load()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "BadInput", "corpus");
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "manifest.json")));
        if (manifest.RootElement.GetProperty("limits").GetProperty("MaxTextChars").GetInt32() != MaxTextChars)
        {
            throw new InvalidOperationException("manifest.json's MaxTextChars changed; update PluginCorpusCall.MaxTextChars.");
        }

        var calls = new List<PluginCorpusCall>();
        foreach (var file in manifest.RootElement.GetProperty("files").EnumerateObject().Where(f => f.Name.EndsWith(".jsonl", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllText(Path.Combine(directory, file.Name)).Split('\n');
            var index = 0;
            foreach (var spec in file.Value.EnumerateArray())
            {
                var line = Fill(lines[index++], spec);
                var field = spec.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : null;
                field ??= spec.TryGetProperty("field_prefix", out var p) ? p.GetString() : null;
                if (field is null || !field.StartsWith("input.", StringComparison.Ordinal) || !TryParse(line, out var root))
                {
                    continue;
                }

                if (TryCall($"{file.Name}:{index} ({spec.GetProperty("id").GetString()})", root, field) is { } call)
                {
                    calls.Add(call);
                }
            }
        }

        return calls;
    }

    private static PluginCorpusCall? TryCall(string name, JsonElement root, string field)
    {
        if (!root.TryGetProperty("task", out var task) || !root.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var (function, parameters) = task.GetString() switch
        {
            "classify" => ("classify", new[] { "text", "labels", "instructions" }),
            "extract" => ("extract", ["text", "schema", "instructions"]),
            "tool_call" => ("call_tool", ["request", "tools"]),
            "summarize" => ("summarize", ["text", "max_words"]),
            _ => (string.Empty, Array.Empty<string>()),
        };
        var parameter = field["input.".Length..].Split('.', '[')[0];
        if (function.Length == 0 || !parameters.Contains(parameter))
        {
            return null;
        }

        var arguments = new KernelArguments();
        foreach (var member in input.EnumerateObject())
        {
            if (!parameters.Contains(member.Name) || Convert(member.Name, member.Value) is not { } value)
            {
                return null;
            }

            arguments[member.Name] = value;
        }

        return new PluginCorpusCall(name, function, arguments, parameter);
    }

    private static object? Convert(string parameter, JsonElement value) => parameter switch
    {
        "schema" => value.Clone(),
        "tools" when value.ValueKind != JsonValueKind.Array || value.EnumerateArray().All(ReadsAsATool) => value.Clone(),
        "labels" when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(l => l.ValueKind == JsonValueKind.String) =>
            value.EnumerateArray().Select(l => l.GetString()!).ToArray(),
        "max_words" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) => n,
        "text" or "request" or "instructions" when value.ValueKind == JsonValueKind.String => ReadableString(value),
        _ => null,
    };

    // The plugin reads a tool's name, description (a string, else none) and parameters and ignores other members, as
    // models calling it often add some; a tool it would read differently from a batch line has no plugin equivalent.
    private static bool ReadsAsATool(JsonElement tool) =>
        tool.ValueKind != JsonValueKind.Object || tool.EnumerateObject().All(p =>
            p.Name is "name" or "parameters" || (p.Name == "description" && p.Value.ValueKind == JsonValueKind.String));

    // A string escaping half a surrogate pair has no .NET string form, so no plugin call can carry it.
    private static string? ReadableString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Fill(string line, JsonElement spec)
    {
        if (!spec.TryGetProperty("fill", out var fill))
        {
            return line;
        }

        var text = fill.GetProperty("text").GetString()!;
        var filling = string.Concat(Enumerable.Range(0, fill.GetProperty("count").GetInt32())
            .Select(i => text.Replace("{i}", i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        return line.Replace(fill.GetProperty("marker").GetString()!, filling, StringComparison.Ordinal);
    }

    private static bool TryParse(string line, out JsonElement root)
    {
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { AllowDuplicateProperties = false });
            root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            root = default;
            return false;
        }
    }
}
