using Microsoft.Extensions.AI;
using OpenAI.Chat;
using HeteroAgents.Inference;
using AiChatResponseFormatJson = Microsoft.Extensions.AI.ChatResponseFormatJson;
using OpenAiChatResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// The OpenAI-specific stage of the OpenAI-compatible backend. On the way out it turns
/// <see cref="ChatOptions.ResponseFormat"/> (a JSON schema) into the wire's <c>response_format: json_schema</c>
/// exactly as given (optionally <c>strict</c>; no schema rewriting) and asks for token log-probabilities.
/// On the way back it reads the log-probabilities from the raw <see cref="ChatCompletion"/> and reports
/// <see cref="ChatResponseProperties.MinTokenProbability"/>, <see cref="ChatResponseProperties.SequenceLogProbability"/> and
/// the tokens themselves (<see cref="ChatResponseProperties.TokenLogProbabilities"/>).
/// </summary>
public sealed class OpenAiStructuredOutputChatClient : DelegatingChatClient
{
    private readonly bool _strict;
    private readonly bool _requestLogProbs;

    /// <summary>Creates the stage.</summary>
    /// <param name="innerClient">The OpenAI client adapted to <see cref="IChatClient"/>.</param>
    /// <param name="strict">Send the schema with <c>strict: true</c>.</param>
    /// <param name="requestLogProbs">Ask for token log-probabilities.</param>
    public OpenAiStructuredOutputChatClient(IChatClient innerClient, bool strict, bool requestLogProbs)
        : base(innerClient)
    {
        _strict = strict;
        _requestLogProbs = requestLogProbs;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, Translate(options), cancellationToken).ConfigureAwait(false);
        if (response.RawRepresentation is ChatCompletion completion && completion.ContentTokenLogProbabilities is { Count: > 0 } logProbs)
        {
            double sum = 0;
            double min = double.PositiveInfinity;
            foreach (var token in logProbs)
            {
                sum += token.LogProbability;
                min = Math.Min(min, token.LogProbability);
            }

            response.AdditionalProperties ??= [];
            response.AdditionalProperties[ChatResponseProperties.SequenceLogProbability] = sum;
            response.AdditionalProperties[ChatResponseProperties.MinTokenProbability] = Math.Exp(min);
            response.AdditionalProperties[WorkerChatResponseProperties.LogProbTokenCount] = logProbs.Count;
            response.AdditionalProperties[ChatResponseProperties.TokenLogProbabilities] =
                logProbs.Select(t => new TokenLogProbability(t.Token, t.LogProbability)).ToArray();
        }

        return response;
    }

    private ChatOptions Translate(ChatOptions? options)
    {
        var translated = options?.Clone() ?? new ChatOptions();
        var schemaFormat = translated.ResponseFormat as AiChatResponseFormatJson;
        var previousFactory = translated.RawRepresentationFactory;
        var strict = _strict;
        var logProbs = _requestLogProbs;
        translated.RawRepresentationFactory = client =>
        {
            var raw = previousFactory?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            if (logProbs)
            {
                raw.IncludeLogProbabilities = true;
            }

            if (schemaFormat?.Schema is { } schema)
            {
                raw.ResponseFormat = OpenAiChatResponseFormat.CreateJsonSchemaFormat(
                    schemaFormat.SchemaName ?? "result",
                    BinaryData.FromString(schema.GetRawText()),
                    schemaFormat.SchemaDescription,
                    jsonSchemaIsStrict: strict);
            }

            return raw;
        };

        if (schemaFormat?.Schema is not null)
        {
            // The raw options carry the schema verbatim; do not let the adapter rewrite it for OpenAI's strict subset.
            translated.ResponseFormat = null;
        }

        return translated;
    }
}
