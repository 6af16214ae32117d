namespace HeteroAgents.Worker.Options;

/// <summary>Names of the built-in model backends (values of <c>Hetero:Slm:Backend</c>).</summary>
public static class BackendNames
{
    /// <summary>
    /// Choose by configuration: <see cref="LlamaSharp"/> when the model path is a GGUF model, <see cref="Onnx"/> when a model folder is set (<c>Hetero:Slm:ModelPath</c> or
    /// <c>--model &lt;dir&gt;</c>), else <see cref="OpenAi"/> when an endpoint is set, otherwise <see cref="Unconfigured"/>.
    /// </summary>
    public const string Auto = "auto";

    /// <summary>An OpenAI-compatible HTTP server (vLLM, llama.cpp server, Ollama, SGLang).</summary>
    public const string OpenAi = "openai";

    /// <summary>No model: every call fails with a message saying what to configure, so every task escalates with <c>backend_error</c>.</summary>
    public const string Unconfigured = "unconfigured";

    /// <summary>The in-process ONNX Runtime model of <c>Hetero:Slm:ModelPath</c> with schema-constrained decoding.</summary>
    public const string Onnx = "onnx";

    /// <summary>A GGUF model (<c>Hetero:Slm:ModelPath</c>: a .gguf file or a folder of them) in llama.cpp through LLamaSharp, with schema-constrained decoding.</summary>
    public const string LlamaSharp = "llamasharp";
}
