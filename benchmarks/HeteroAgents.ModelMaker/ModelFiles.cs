namespace HeteroAgents.ModelMaker;

/// <summary>The files a <see cref="ModelWriter.Write"/> call produced.</summary>
/// <param name="Directory">The model folder (Hugging Face layout).</param>
/// <param name="OnnxModel">Path of <c>model.onnx</c>.</param>
/// <param name="OnnxExternalData">Path of <c>model.onnx.data</c>, or null when the weights are inline.</param>
/// <param name="Gguf">Path of <c>model.gguf</c>, or null when not written.</param>
/// <param name="AllFiles">Every file written.</param>
public sealed record ModelFiles(string Directory, string OnnxModel, string? OnnxExternalData, string? Gguf, IReadOnlyList<string> AllFiles)
{
    /// <summary>Path of <c>config.json</c>.</summary>
    public string Config => Path.Combine(Directory, "config.json");

    /// <summary>Path of <c>tokenizer.json</c>.</summary>
    public string Tokenizer => Path.Combine(Directory, "tokenizer.json");
}
