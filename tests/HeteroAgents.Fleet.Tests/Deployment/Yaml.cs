using YamlDotNet.RepresentationModel;

namespace HeteroAgents.Fleet.Tests.Deployment;

/// <summary>Loads YAML (every document of a file) into plain trees: dictionaries, lists and scalar strings.</summary>
internal static class Yaml
{
    public static IReadOnlyList<Dictionary<string, object?>> LoadDocuments(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(d => Assert.IsType<Dictionary<string, object?>>(Convert(d.RootNode)))];
    }

    public static Dictionary<string, object?> Map(object? node, string what) =>
        node as Dictionary<string, object?> ?? throw new Xunit.Sdk.XunitException($"{what}: expected a mapping, got {node ?? "nothing"}");

    public static List<object?> Seq(object? node, string what) =>
        node as List<object?> ?? throw new Xunit.Sdk.XunitException($"{what}: expected a sequence, got {node ?? "nothing"}");

    public static string Str(object? node, string what) =>
        node as string ?? throw new Xunit.Sdk.XunitException($"{what}: expected a scalar, got {node ?? "nothing"}");

    /// <summary>Follows a dotted path of mapping keys, failing with the path when a key is missing.</summary>
    public static object? At(Dictionary<string, object?> root, string path)
    {
        object? node = root;
        foreach (var key in path.Split('.'))
        {
            var map = Map(node, path);
            if (!map.TryGetValue(key, out node))
            {
                throw new Xunit.Sdk.XunitException($"missing '{key}' of '{path}'");
            }
        }

        return node;
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Convert(kv.Value)),
        YamlSequenceNode seq => seq.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => scalar.Value,
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };
}
