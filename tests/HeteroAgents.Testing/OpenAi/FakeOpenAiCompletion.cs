namespace HeteroAgents.Testing.OpenAi;

/// <summary>A scripted completion for <see cref="FakeOpenAiServerOptions.Completer"/>: the content and, token by token, what the server reports as log-probabilities.</summary>
/// <param name="Tokens">The tokens, in order; their texts concatenate to the content.</param>
public sealed record FakeOpenAiCompletion(IReadOnlyList<(string Text, double LogProbability)> Tokens)
{
    /// <summary>The content: the tokens' texts concatenated.</summary>
    public string Content => string.Concat(Tokens.Select(t => t.Text));
}
