using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Worker.Options;

/// <summary>The worker's small-language-model backend (configuration section <c>Hetero:Slm</c>, environment <c>HETERO__SLM__*</c>).</summary>
public sealed class SlmOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Slm";

    /// <summary>
    /// Which backend serves the model: <c>auto</c> (the in-process model when <see cref="ModelPath"/> is set, else an
    /// OpenAI-compatible endpoint when <see cref="Endpoint"/> is set, otherwise <c>unconfigured</c>), <c>onnx</c> (the
    /// in-process ONNX Runtime model of <see cref="ModelPath"/>), <c>llamasharp</c> (a GGUF model in llama.cpp), <c>openai</c> (an OpenAI-compatible HTTP server: vLLM, llama.cpp server, Ollama,
    /// SGLang) or <c>unconfigured</c> (every task escalates with <c>backend_error</c>). Further backends register
    /// themselves with <c>AddHeteroChatBackend</c>.
    /// </summary>
    [Required]
    public string Backend { get; set; } = BackendNames.Auto;

    /// <summary>
    /// A Hugging Face-layout model folder (config.json, tokenizer files, ONNX model) run in-process by the <c>onnx</c>
    /// backend; <c>auto</c> picks that backend when this is set. A model-store alias, <c>owner/name[@revision]</c>, names a
    /// model pulled into the cache (<c>Hetero:Models:CacheDirectory</c>) with <c>hetero models pull</c>. <c>--model</c>
    /// sets it when the value is a folder or (with no endpoint set) an alias.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>Set when <see cref="ModelPath"/> is a model-store alias that could not be resolved; reported by validation.</summary>
    internal string? ModelPathError { get; set; }

    /// <summary>A copy of these options with <paramref name="modelPath"/> as <see cref="ModelPath"/> and its name as <see cref="Model"/> (a routing policy's in-process <c>model</c>).</summary>
    internal SlmOptions WithModelPath(string modelPath)
    {
        var copy = (SlmOptions)MemberwiseClone();
        copy.ModelPath = modelPath;
        copy.Model = modelPath;
        return copy;
    }

    /// <summary>A copy of these options naming <paramref name="model"/> as <see cref="Model"/> (a routing policy's <c>model</c>).</summary>
    internal SlmOptions WithModel(string model)
    {
        var copy = (SlmOptions)MemberwiseClone();
        copy.Model = model;
        return copy;
    }

    /// <summary>Base address of the OpenAI-compatible API, including the version path, e.g. <c>http://127.0.0.1:8000/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name sent to the backend; also reported as <c>served_by: slm:&lt;model&gt;</c>. Set by <c>--model</c>.</summary>
    [Required]
    public string Model { get; set; } = "default";

    /// <summary>API key for the endpoint, if it wants one: from the environment (<c>HETERO__SLM__APIKEY</c>) or <see cref="ApiKeyFile"/>, never the command line. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A file holding the API key (e.g. a mounted Docker or Kubernetes secret); overrides <see cref="ApiKey"/>.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>Ask the backend for token log-probabilities (used for confidence when the backend reports no confidence of its own).</summary>
    public bool RequestLogProbs { get; set; } = true;

    /// <summary>Send the result schema with <c>strict: true</c> (structured outputs). Turn off for servers that reject the flag.</summary>
    public bool StrictJsonSchema { get; set; } = true;

    /// <summary>Sampling temperature; 0 is greedy (deterministic) decoding.</summary>
    [Range(0.0, 2.0)]
    public float Temperature { get; set; }

    /// <summary>Upper bound on generated tokens per task.</summary>
    [Range(1, 1_000_000)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>How long one backend call may take before it counts as a (transient) failure.</summary>
    [Range(1, 3_600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"Hetero:Slm:Endpoint must be an absolute http(s) address such as http://127.0.0.1:8000/v1; got '{endpoint}'.",
                [nameof(Endpoint)]);
        }

        if (ModelPathError is not null)
        {
            yield return new ValidationResult("Hetero:Slm:ModelPath: " + ModelPathError, [nameof(ModelPath)]);
        }
        else if (!string.IsNullOrWhiteSpace(ModelPath) && !Directory.Exists(ModelPath) && !(File.Exists(ModelPath) && ModelPath.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult(
                $"Hetero:Slm:ModelPath is '{ModelPath}', which is not a folder (nor a .gguf file); point it at a model folder with config.json, tokenizer files and the ONNX model, or at a GGUF model.",
                [nameof(ModelPath)]);
        }

        if (string.Equals(Backend, BackendNames.LlamaSharp, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(ModelPath))
        {
            yield return new ValidationResult(
                "Hetero:Slm:Backend is 'llamasharp' but Hetero:Slm:ModelPath is not set; pass --model <file.gguf> or set HETERO__SLM__MODELPATH.",
                [nameof(ModelPath)]);
        }

        if (string.Equals(Backend, BackendNames.Onnx, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(ModelPath))
        {
            yield return new ValidationResult(
                "Hetero:Slm:Backend is 'onnx' but Hetero:Slm:ModelPath is not set; pass --model <dir> or set HETERO__SLM__MODELPATH.",
                [nameof(ModelPath)]);
        }

        if (string.Equals(Backend, BackendNames.OpenAi, StringComparison.OrdinalIgnoreCase) && Endpoint is null)
        {
            yield return new ValidationResult(
                "Hetero:Slm:Backend is 'openai' but Hetero:Slm:Endpoint is not set; set HETERO__SLM__ENDPOINT, e.g. http://127.0.0.1:8000/v1.",
                [nameof(Endpoint)]);
        }
    }
}
