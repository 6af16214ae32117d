using HeteroAgents.ModelMaker;

namespace HeteroAgents.Worker.Tests.Support;

/// <summary>The project-built tiny Llama model (seeded random weights, real tokenizer files), written once per test run.</summary>
internal static class TinyOnnxModel
{
    private static readonly Lazy<string> LazyDirectory = new(Create);

    /// <summary>The model folder (its name is the model name the worker reports).</summary>
    public static string Directory => LazyDirectory.Value;

    private static string Create()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hetero-worker-tests", Guid.NewGuid().ToString("N"), "tiny-llama");
        System.IO.Directory.CreateDirectory(dir);
        var stderr = new StringWriter();
        var rc = MakeModelCommand.Run(["--arch", "llama", "--preset", "tiny", "--seed", "7", "--no-gguf", "--out", dir], new StringWriter(), stderr);
        return rc == 0 ? dir : throw new InvalidOperationException($"make-model failed ({rc}): {stderr}");
    }
}
