using HeteroAgents.Inference.LlamaSharp;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Testing.Models;

namespace HeteroAgents.Inference.LlamaSharp.Tests;

/// <summary>The project-built tiny Llama model (<see cref="TinyModels.LlamaWithGguf"/>): the GGUF for llama.cpp and the ONNX file of the same weights.</summary>
internal static class TinyGguf
{
    private static readonly Lazy<LlamaSharpModel> LazyModel = new(() => Load(4));

    private static readonly Lazy<OnnxLanguageModel> LazyOnnx = new(() => OnnxLanguageModel.Load(new OnnxModelOptions { ModelPath = Directory, IntraOpThreads = 1 }));

    public static string Directory => TinyModels.LlamaWithGguf;

    public static string File => Path.Combine(Directory, "model.gguf");

    /// <summary>One model shared by the tests (as a worker shares it across requests).</summary>
    public static LlamaSharpModel Shared => LazyModel.Value;

    /// <summary>The same weights on ONNX Runtime.</summary>
    public static OnnxLanguageModel Onnx => LazyOnnx.Value;

    public static LlamaSharpModel Load(int sequences) => LlamaSharpModel.Load(new LlamaSharpModelOptions { ModelPath = File, Threads = 1, MaxBatchSize = sequences, ContextSize = 512 });
}
