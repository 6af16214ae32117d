namespace HeteroAgents.Inference.Tokenization;

/// <summary>An entry of <c>added_tokens</c> (or <c>added_tokens_decoder</c>): matched in the text before the model runs.</summary>
/// <param name="Id">The token id.</param>
/// <param name="Content">The token text.</param>
/// <param name="Special">Whether it is a special (control) token, left out when decoding with special tokens skipped.</param>
/// <param name="Normalized">Whether it is matched in the normalized text rather than the raw text.</param>
/// <param name="LeftStrip">Whether whitespace before it is swallowed.</param>
/// <param name="RightStrip">Whether whitespace after it is swallowed.</param>
internal sealed record AddedToken(int Id, string Content, bool Special, bool Normalized, bool LeftStrip, bool RightStrip);
