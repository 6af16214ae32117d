namespace HeteroAgents.Decoding;

/// <summary>Whether object properties must appear in the order of the schema's <c>properties</c>.</summary>
public enum PropertyOrderMode
{
    /// <summary>Named properties appear in <c>properties</c> order (the default for generation); other keys anywhere.</summary>
    SchemaOrder = 0,

    /// <summary>Any order (JSON Schema semantics; for validating documents written by others).</summary>
    Any = 1,
}
