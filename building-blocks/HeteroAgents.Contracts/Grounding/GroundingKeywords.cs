namespace HeteroAgents.Contracts;

/// <summary>The JSON-schema extension keywords the grounding checks read.</summary>
public static class GroundingKeywords
{
    /// <summary>
    /// <c>"x-hetero-free-text": true</c> on a property's schema (an extract field or a tool parameter) marks its value as
    /// free text the model writes itself (a message body, a note, a search phrase), so it and everything below it are
    /// not required to appear in the source. JSON Schema ignores unknown keywords, so validators and model servers
    /// are unaffected.
    /// </summary>
    public const string FreeText = "x-hetero-free-text";
}
