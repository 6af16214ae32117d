using HeteroAgents.ModelMaker;

namespace HeteroAgents.Testing.Models;

/// <summary>
/// The project-built tiny models (seeded random weights, real tokenizer files; no trained weights exist here), written by
/// ModelMaker into folders named <c>tiny-llama</c> (the model name a worker reports). <see cref="Llama"/> and
/// <see cref="LlamaWithGguf"/> are written once per test run and shared: tests that change files use a copy (<see cref="Copy"/>).
/// </summary>
public static class TinyModels
{
    private static readonly Lazy<string> LazyLlama = new(() => Make("--arch", "llama", "--preset", "tiny", "--seed", "7", "--no-gguf"));

    private static readonly Lazy<string> LazyLlamaWithGguf = new(() =>
    {
        var folder = NewFolder();
        ModelWriter.Write(new ModelSpec(ModelPresets.Tiny, Seed: 7, ModelPrecision.Fp32), folder);
        return folder;
    });

    /// <summary>The tiny Llama (<c>make-model --arch llama --preset tiny --seed 7 --no-gguf</c>): ONNX model, config and tokenizer.</summary>
    public static string Llama => LazyLlama.Value;

    /// <summary>The same weights as <see cref="Llama"/> with <c>model.gguf</c> next to the ONNX files (for llama.cpp).</summary>
    public static string LlamaWithGguf => LazyLlamaWithGguf.Value;

    /// <summary>Runs <c>make-model</c> with <paramref name="arguments"/> (everything but <c>--out</c>) into a new folder and returns it.</summary>
    /// <exception cref="InvalidOperationException">make-model failed; the message holds its error output.</exception>
    public static string Make(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var folder = NewFolder();
        var stderr = new StringWriter();
        var rc = MakeModelCommand.Run([.. arguments, "--out", folder], TextWriter.Null, stderr);
        return rc == 0 ? folder : throw new InvalidOperationException($"make-model {string.Join(' ', arguments)} failed ({rc}): {stderr}");
    }

    /// <summary>A private copy of <paramref name="model"/>'s folder (default <see cref="Llama"/>) that a test may change or damage.</summary>
    public static string Copy(string? model = null)
    {
        var source = model ?? Llama;
        var target = NewFolder();
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static string NewFolder() => Directory.CreateDirectory(Path.Combine(Files.TempDirectory.Create("tiny-models"), "tiny-llama")).FullName;
}
