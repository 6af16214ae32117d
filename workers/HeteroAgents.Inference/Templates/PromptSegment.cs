namespace HeteroAgents.Inference.Templates;

/// <summary>
/// One piece of a rendered prompt: either the template's own text (role headers, turn markers: special tokens
/// allowed) or a message's content, which is encoded as plain text even when it spells a special token.
/// </summary>
/// <param name="Text">The piece's text.</param>
/// <param name="IsContent">Whether the text is message content (never encoded as control tokens).</param>
public readonly record struct PromptSegment(string Text, bool IsContent);
