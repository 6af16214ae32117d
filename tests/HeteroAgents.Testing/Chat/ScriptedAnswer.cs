namespace HeteroAgents.Testing.Chat;

/// <summary>
/// What a <see cref="ScriptedChatClient.FromAnswers"/> client answers to one call: the text (streamed word by word),
/// model id, usage and optional confidence; with <paramref name="Throw"/>, a call fails with it (a streamed call after
/// half of the words).
/// </summary>
/// <param name="Text">The answer.</param>
/// <param name="Confidence">The <c>hetero.confidence</c> reported, if any.</param>
/// <param name="Model">The model id reported.</param>
/// <param name="InputTokens">Input tokens reported.</param>
/// <param name="OutputTokens">Output tokens reported.</param>
/// <param name="Throw">The failure of the call, if any.</param>
public sealed record ScriptedAnswer(string Text, double? Confidence = null, string Model = "scripted-model", long InputTokens = 120, long OutputTokens = 12, Exception? Throw = null);
