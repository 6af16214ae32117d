using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Frontier;

/// <summary>
/// The frontier model (configuration section <c>Hetero:Frontier</c>, environment <c>HETERO__FRONTIER__*</c>):
/// any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI v1, vLLM, Ollama, llama.cpp server).
/// The frontier is configured when <see cref="Model"/> is set. The API key is never part of configuration:
/// it is read from <see cref="ApiKeyFile"/> or the environment variable named by <see cref="ApiKeyEnvironmentVariable"/>,
/// and never logged.
/// </summary>
public sealed class FrontierOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Frontier";

    /// <summary>
    /// Base address of the OpenAI-compatible API, e.g. <c>https://api.openai.com/v1/</c>,
    /// <c>https://RESOURCE.openai.azure.com/openai/v1/</c>, <c>http://localhost:8000/v1/</c> (vLLM) or
    /// <c>http://localhost:11434/v1/</c> (Ollama). Null means OpenAI's public endpoint.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model (or Azure deployment) name. Null or empty: no frontier model is configured.</summary>
    public string? Model { get; set; }

    /// <summary>Name of the environment variable holding the API key. Servers without authentication (vLLM, Ollama) need none.</summary>
    [Required]
    public string ApiKeyEnvironmentVariable { get; set; } = "HETERO_FRONTIER_API_KEY";

    /// <summary>
    /// A file holding the API key (e.g. a Docker or Kubernetes secret mounted at <c>/run/secrets/frontier-api-key</c>);
    /// when set it is used instead of the environment variable. Never logged.
    /// </summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>
    /// The key read from <see cref="ApiKeyFile"/> when the options come from <c>AddHeteroFrontier</c>; not a
    /// configuration setting (its setter is not public, so configuration never binds it).
    /// </summary>
    public string? ApiKeyFromFile { get; internal set; }

    /// <summary>Upper bound on one frontier call (escalation resolution or one planning step).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Upper bound on generated tokens per frontier call; null leaves it to the server.</summary>
    [Range(1, 1_000_000)]
    public int? MaxOutputTokens { get; set; }

    /// <summary>Whether these options name a model (the rule behind <see cref="FrontierAvailability.From"/>).</summary>
    internal bool IsConfigured => !string.IsNullOrWhiteSpace(Model);
}
