using System.Text.Json;

namespace HeteroAgents.Testing.JsonSchemaSuite;

/// <summary>The suite's <c>remotes/</c> documents, keyed by the URI the suite serves them at (<c>http://localhost:1234/...</c>).</summary>
internal sealed class SuiteRemotes : IDisposable
{
    private readonly List<JsonDocument> _documents = [];

    public SuiteRemotes(string folder)
    {
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories))
            {
                var doc = JsonDocument.Parse(File.ReadAllText(file));
                _documents.Add(doc);
                map["http://localhost:1234/" + Path.GetRelativePath(folder, file).Replace('\\', '/')] = doc.RootElement;
            }
        }

        Documents = map;
    }

    public IReadOnlyDictionary<string, JsonElement> Documents { get; }

    public void Dispose()
    {
        foreach (var d in _documents)
        {
            d.Dispose();
        }
    }
}
