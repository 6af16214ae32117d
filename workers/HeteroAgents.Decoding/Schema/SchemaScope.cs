namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// Where a subschema is read: its document, its base URI, and the dynamic scope (the schema resources entered on
/// the way to it, outermost first, each once) that <c>$dynamicRef</c> resolves against.
/// </summary>
internal sealed class SchemaScope
{
    private SchemaScope(int document, string baseUri, string[] resources)
    {
        Document = document;
        BaseUri = baseUri;
        Resources = resources;
    }

    public int Document { get; }

    public string BaseUri { get; }

    /// <summary>The dynamic scope: resource URIs, outermost first.</summary>
    public string[] Resources { get; }

    public static SchemaScope Root(int document, string baseUri) => new(document, baseUri, [Resource(baseUri)]);

    /// <summary>The scope of a subschema at <paramref name="document"/> with base <paramref name="baseUri"/> (entering its resource).</summary>
    public SchemaScope Enter(int document, string baseUri)
    {
        var resource = Resource(baseUri);
        var resources = Array.IndexOf(Resources, resource) >= 0 ? Resources : [.. Resources, resource];
        return document == Document && baseUri == BaseUri && ReferenceEquals(resources, Resources) ? this : new SchemaScope(document, baseUri, resources);
    }

    /// <summary>The URI without its fragment.</summary>
    public static string Resource(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? uri : uri[..hash];
    }
}
