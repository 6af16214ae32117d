using System.ClientModel;
using System.ClientModel.Primitives;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using OpenAI;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Provides the OpenAI-compatible HTTP backend (backend name <c>openai</c>): the OpenAI .NET client pointed at
/// <see cref="SlmOptions.Endpoint"/>, adapted to <see cref="IChatClient"/>, with the result schema sent as a strict
/// <c>json_schema</c> response format and token log-probabilities requested (see <see cref="OpenAiStructuredOutputChatClient"/>).
/// The client's own retries are off: the task endpoint's retry policy owns retrying.
/// </summary>
internal sealed class OpenAiCompatibleBackendProvider : IChatBackendProvider
{
    public string Name => BackendNames.OpenAi;

    public IChatClient Create(SlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint
            ?? throw new InvalidOperationException("Hetero:Slm:Endpoint is required for the 'openai' backend; set HETERO__SLM__ENDPOINT.");

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };

        // Local servers accept any key; the client insists on one.
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "not-needed" : options.ApiKey);
        var chatClient = new OpenAIClient(credential, clientOptions).GetChatClient(options.Model).AsIChatClient();
        return new ChatClientBuilder(chatClient)
            .UseOpenAiStructuredOutput(options.StrictJsonSchema, options.RequestLogProbs)
            .Build();
    }
}
