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

    /// <summary>
    /// The repository, owner/name: the onnx-community ONNX export of Qwen3-0.6B (Apache-2.0), chosen on tool-calling
    /// evidence (BFCL V4, see docs/IN-PROCESS-MODEL.md) and run with its 4-bit weights.
    /// </summary>
    [Required]
    public string Repository { get; set; } = "onnx-community/Qwen3-0.6B-ONNX";

    /// <summary>
    /// The revision pulled. <c>main</c>, because no commit hash of this repository could be confirmed offline when the
    /// default was chosen; set a commit here (or <c>HETERO__MODELS__DEFAULT__REVISION</c>) to pin it exactly.
    /// </summary>
    [Required]
    public string Revision { get; set; } = "main";

    /// <summary>
    /// The files pulled (globs; one with no match is skipped): the config, tokenizer, chat template and generation files at
    /// the root, and the one ONNX graph run with its external data files.
    /// </summary>
    [MinLength(1)]
    public string[] Include { get; set; } =
    [
        "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json",
        "vocab.json", "merges.txt", "chat_template.jinja", "onnx/model_q4.onnx", "onnx/model_q4.onnx_data*",
    ];

    /// <summary>The ONNX graph inside the repository folder (sets <c>Hetero:Onnx:ModelFile</c> when that is not set): 4-bit weights (MatMulNBits), a modest download that runs fast on CPU.</summary>
    [Required]
    public string ModelFile { get; set; } = "onnx/model_q4.onnx";

    /// <summary>
    /// The prompt format (sets <c>Hetero:Onnx:ChatTemplate</c> when that is not set): <c>qwen3</c>, thinking switched off.
    /// Named explicitly so that a re-saved template with different whitespace still gets the format it was trained on;
    /// empty leaves it to recognition of the downloaded template.
    /// </summary>
    public string? ChatTemplate { get; set; } = "qwen3";

    /// <summary>The pinned model: <see cref="Repository"/> at <see cref="Revision"/>.</summary>
    public ModelReference Model => new(Repository, Revision);

    /// <summary>The display name reported as <c>served_by: slm:&lt;name&gt;</c>.</summary>
    public string DisplayName => Model.Name;
}
