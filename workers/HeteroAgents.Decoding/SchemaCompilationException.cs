namespace HeteroAgents.Decoding;

/// <summary>
/// A JSON Schema could not be compiled into a grammar: it is malformed or uses a keyword (or keyword value) this
/// engine does not support. Compilation never silently drops an assertion; it fails with this exception instead.
/// </summary>
public sealed class SchemaCompilationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="keyword">The keyword at fault, e.g. <c>uniqueItems</c>.</param>
    /// <param name="jsonPointer">The JSON pointer of the schema object holding the keyword, e.g. <c>#/properties/tags</c>.</param>
    /// <param name="reason">Why it is unsupported or invalid.</param>
    public SchemaCompilationException(string keyword, string jsonPointer, string reason)
        : base($"{keyword} at {jsonPointer}: {reason}")
    {
        Keyword = keyword;
        JsonPointer = jsonPointer;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only (keyword and pointer unknown).</summary>
    public SchemaCompilationException()
        : this("", "#", "schema compilation failed")
    {
    }

    /// <summary>Creates the exception with a message only (keyword and pointer unknown).</summary>
    public SchemaCompilationException(string message)
        : this("", "#", message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public SchemaCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Keyword = "";
        JsonPointer = "#";
        Reason = message;
    }

    /// <summary>The keyword at fault (empty when the schema text itself is malformed).</summary>
    public string Keyword { get; }

    /// <summary>The JSON pointer (URI fragment form) of the schema object holding the keyword.</summary>
    public string JsonPointer { get; }

    /// <summary>Why the keyword is unsupported or invalid.</summary>
    public string Reason { get; }
}
