namespace HeteroAgents.Decoding.Regex;

/// <summary>A regular expression uses a construct this engine does not support, or is malformed.</summary>
internal sealed class RegexUnsupportedException(string message) : Exception(message);
