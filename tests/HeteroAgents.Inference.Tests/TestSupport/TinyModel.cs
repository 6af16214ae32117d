using HeteroAgents.Inference.Onnx;
using HeteroAgents.ModelMaker;

namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>The project-built tiny Llama model (seeded random weights), written once per test run and shared.</summary>
internal static class TinyModel
{
    private static readonly Lazy<string> LazyDirectory = new(Create);
    private static readonly Lazy<OnnxLanguageModel> LazyModel = new(() => OnnxLanguageModel.Load(Options()));

    public static string Directory => LazyDirectory.Value;

    /// <summary>One loaded instance shared by every test (as a worker shares one model across requests).</summary>
    public static OnnxLanguageModel Shared => LazyModel.Value;

    public static OnnxModelOptions Options(string? directory = null) => new()
    {
        ModelPath = directory ?? Directory,
        IntraOpThreads = 1,
    };

    /// <summary>A private copy of the model folder that a test may damage.</summary>
    public static string CopyToTemp()
    {
        var target = TempDirectory.Create();
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static string Create()
    {
        var dir = TempDirectory.Create();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var rc = MakeModelCommand.Run(["--arch", "llama", "--preset", "tiny", "--seed", "7", "--no-gguf", "--out", dir], stdout, stderr);
        if (rc != 0)
        {
            throw new InvalidOperationException($"make-model failed ({rc}): {stderr}");
        }

        return dir;
    }
}
