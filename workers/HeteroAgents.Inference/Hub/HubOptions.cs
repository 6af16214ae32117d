using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Inference.Hub;

/// <summary>Where models come from and where they are cached. Bind from configuration (e.g. <c>Hetero:Models</c>).</summary>
public sealed class HubOptions
{
    /// <summary>The hub endpoint (Hugging Face layout).</summary>
    [Required]
    public Uri Endpoint { get; set; } = new("https://huggingface.co");

    /// <summary>Optional access token sent as a bearer token, from the environment (<c>HETERO__MODELS__TOKEN</c>) or <see cref="TokenFile"/>; never on the command line, never logged.</summary>
    public string? Token { get; set; }

    /// <summary>A file holding the access token (e.g. a mounted Docker or Kubernetes secret); overrides <see cref="Token"/>. A missing, empty or oversized file stops the process at start.</summary>
    public string? TokenFile { get; set; }

    /// <summary>The local cache root; models go to <c>&lt;root&gt;/&lt;owner&gt;/&lt;name&gt;/&lt;revision&gt;</c>.</summary>
    [Required]
    public string CacheDirectory { get; set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "heteroagents", "models");

    /// <summary>
    /// Whether <c>hetero batch run</c> on the in-memory transport with no SLM configured uses (and on first use pulls)
    /// the default model of <see cref="DefaultModelOptions"/>. False keeps tasks escalating with <c>backend_error</c>.
    /// </summary>
    public bool UseDefault { get; set; } = true;
}
