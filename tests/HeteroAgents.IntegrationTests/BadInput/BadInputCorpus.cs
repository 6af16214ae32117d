using System.Text;
using System.Text.Json;

namespace HeteroAgents.IntegrationTests.BadInput;

/// <summary>
/// The bad-input corpus in <c>BadInput/corpus</c> (copied next to the test assembly): one case per line of each
/// listed file, in the order of <c>manifest.json</c>, which gives each case's expected outcome.
/// </summary>
internal sealed class BadInputCorpus
{
    private BadInputCorpus(IReadOnlyDictionary<string, string?> limits, IReadOnlyList<CorpusCase> cases)
    {
        Limits = limits;
        Cases = cases;
    }

    /// <summary>The <c>Hetero:Batch</c> limits the manifest's cases are written against, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string?> Limits { get; }

    public IReadOnlyList<CorpusCase> Cases { get; }

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "BadInput", "corpus");

    public static BadInputCorpus Load()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "manifest.json")));
        var limits = manifest.RootElement.GetProperty("limits").EnumerateObject()
            .ToDictionary(p => "Hetero:Batch:" + p.Name, p => (string?)p.Value.GetRawText(), StringComparer.Ordinal);
        var cases = new List<CorpusCase>();
        foreach (var file in manifest.RootElement.GetProperty("files").EnumerateObject())
        {
            var lines = SplitLines(File.ReadAllBytes(Path.Combine(Directory, file.Name)));
            var expected = file.Value.EnumerateArray().ToList();
            if (lines.Count != expected.Count)
            {
                throw new InvalidOperationException($"{file.Name} has {lines.Count} lines but manifest.json lists {expected.Count} cases for it.");
            }

            for (var i = 0; i < lines.Count; i++)
            {
                cases.Add(Case(file.Name, i, lines[i], expected[i]));
            }
        }

        return new BadInputCorpus(limits, cases);
    }

    private static CorpusCase Case(string file, int index, byte[] line, JsonElement spec)
    {
        if (spec.TryGetProperty("fill", out var fill))
        {
            var marker = Encoding.UTF8.GetBytes(fill.GetProperty("marker").GetString()!);
            var text = fill.GetProperty("text").GetString()!;
            var count = fill.GetProperty("count").GetInt32();
            var filling = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                filling.Append(text.Replace("{i}", i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            var at = line.AsSpan().IndexOf(marker);
            if (at < 0)
            {
                throw new InvalidOperationException($"{file}:{index + 1} has no fill marker {fill.GetProperty("marker").GetString()}.");
            }

            line = [.. line.AsSpan(0, at), .. Encoding.UTF8.GetBytes(filling.ToString()), .. line.AsSpan(at + marker.Length)];
        }

        var checksField = spec.TryGetProperty("field", out var field);
        return new CorpusCase(
            file, index, spec.GetProperty("id").GetString()!, line, spec.GetProperty("expect").GetString()!,
            checksField, checksField && field.ValueKind == JsonValueKind.String ? field.GetString() : null,
            Optional(spec, "field_prefix"), Optional(spec, "status"), Optional(spec, "reason"));
    }

    private static string? Optional(JsonElement spec, string name) =>
        spec.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Splits on <c>\n</c> only, keeping every other byte (a <c>\r</c> before the <c>\n</c> included).</summary>
    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }
}
