using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Inference.Hub;

/// <summary>
/// The default small language model a new user gets (configuration section <c>Hetero:Models:Default</c>): a pinned
/// Hugging Face repository of a small instruct model exported to ONNX. <c>hetero batch run</c> on the in-memory transport
/// with no SLM configured pulls it into the model cache on first use and runs it in-process; <see cref="HubOptions.UseDefault"/>
/// turns that off. See docs/IN-PROCESS-MODEL.md.
/// </summary>
public sealed class DefaultModelOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = ModelStoreServiceCollectionExtensions.DefaultSection + ":Default";

    /// <summary>The repository, owner/name: the ONNX export of SmolLM2-360M-Instruct (Apache-2.0) by Hugging Face.</summary>
    [Required]
    public string Repository { get; set; } = "HuggingFaceTB/SmolLM2-360M-Instruct";

    /// <summary>
    /// The revision pulled. <c>main</c>, because no commit hash of this repository could be confirmed offline when the
    /// default was chosen; set a commit here (or <c>HETERO__MODELS__DEFAULT__REVISION</c>) to pin it exactly.
    /// </summary>
    [Required]
    public string Revision { get; set; } = "main";

    /// <summary>The files pulled (globs): the config, tokenizer and generation files at the root and the one ONNX graph run.</summary>
    [MinLength(1)]
    public string[] Include { get; set; } = ["config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "onnx/model.onnx"];

    /// <summary>The ONNX graph inside the repository folder (sets <c>Hetero:Onnx:ModelFile</c> when that is not set).</summary>
    [Required]
    public string ModelFile { get; set; } = "onnx/model.onnx";

    /// <summary>The pinned model: <see cref="Repository"/> at <see cref="Revision"/>.</summary>
    public ModelReference Model => new(Repository, Revision);

    /// <summary>The display name reported as <c>served_by: slm:&lt;name&gt;</c>.</summary>
    public string DisplayName => Model.Name;
}
