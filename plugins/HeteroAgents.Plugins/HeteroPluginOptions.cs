using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Plugins;

/// <summary>Plugin behaviour (configuration section <c>Hetero:Plugins</c>, environment <c>HETERO__PLUGINS__*</c>).</summary>
public sealed class HeteroPluginOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Plugins";

    /// <summary>The plugin name the functions are imported under (with an IChatClient frontier, functions are advertised as <c>hetero_classify</c> and so on).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_]+$")]
    public string PluginName { get; set; } = "hetero";

    /// <summary>How long a call waits for a worker's answer before it fails with a <see cref="TimeoutException"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Whether an escalation is resolved inline with the frontier model (when one is configured). When false, or when no
    /// frontier is configured, an escalation surfaces as <see cref="TaskEscalatedException"/>.
    /// </summary>
    public bool ResolveEscalations { get; set; } = true;

    /// <summary>
    /// Longest accepted <c>text</c> / <c>request</c>, in characters; a longer one fails with an <see cref="ArgumentException"/>
    /// before anything is published (the batch path's <c>Hetero:Batch:MaxTextChars</c> applies the same rule to batch lines).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxTextChars { get; set; } = 100_000;
}
