using System.Diagnostics;
using System.Globalization;

namespace HeteroAgents.ModelMaker;

/// <summary>The <c>make-model</c> command line.</summary>
public static class MakeModelCommand
{
    private const string Usage =
        "usage: make-model --arch llama --preset tiny|tiny-qwen2|tiny-qwen3|smollm2-135m|qwen2.5-0.5b|qwen3-0.6b --seed N " +
        "[--precision fp32|fp16|int8|int4] [--layout transformers|onnx-community] [--layers N] [--block-size 32|64] [--accuracy-level 1|4] [--no-gguf] [--external-data] [--fused] --out <dir>";

    /// <summary>Parses the arguments, writes the model, and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var spec = Parse(args, out var outDir);
            var watch = Stopwatch.StartNew();
            var files = ModelWriter.Write(spec, outDir);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {spec.Preset.Name} ({spec.Preset.ParameterCount:N0} parameters, {spec.Precision}, seed {spec.Seed}) to {files.Directory} in {watch.Elapsed.TotalSeconds:F1} s"));
            foreach (var file in files.AllFiles)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Path.GetFileName(file),-24} {new FileInfo(file).Length,15:N0} bytes"));
            }

            return 0;
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"make-model: {e.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
    }

    /// <summary>Parses the command line into a <see cref="ModelSpec"/> and output folder.</summary>
    public static ModelSpec Parse(string[] args, out string outDir)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? preset = null, arch = null, output = null;
        var seed = 1;
        var precision = ModelPrecision.Fp32;
        bool gguf = true, fused = false;
        bool? external = null;
        var layout = ModelLayout.Transformers;
        int? layers = null;
        int? blockSize = null;
        int? accuracyLevel = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"option {args[i]} needs a value");
            switch (args[i])
            {
                case "--arch": arch = Value(); break;
                case "--preset": preset = Value(); break;
                case "--out": output = Value(); break;
                case "--seed":
                    var text = Value();
                    seed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
                        ? s : throw new ArgumentException($"--seed: '{text}' is not an integer");
                    break;
                case "--precision":
                    precision = Value().ToLowerInvariant() switch
                    {
                        "fp32" => ModelPrecision.Fp32,
                        "fp16" => ModelPrecision.Fp16,
                        "int8" => ModelPrecision.Int8,
                        "int4" => ModelPrecision.Int4,
                        var other => throw new ArgumentException($"--precision: '{other}' is not fp32, fp16, int8 or int4"),
                    };
                    break;
                case "--layout":
                    layout = Value().ToLowerInvariant() switch
                    {
                        "transformers" => ModelLayout.Transformers,
                        "onnx-community" => ModelLayout.OnnxCommunity,
                        var other => throw new ArgumentException($"--layout: '{other}' is not transformers or onnx-community"),
                    };
                    break;
                case "--layers":
                    var n = Value();
                    layers = int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l > 0
                        ? l : throw new ArgumentException($"--layers: '{n}' is not a positive integer");
                    break;
                case "--block-size":
                    var b = Value();
                    blockSize = b is "32" or "64"
                        ? int.Parse(b, CultureInfo.InvariantCulture) : throw new ArgumentException($"--block-size: '{b}' is not 32 or 64");
                    break;
                case "--accuracy-level":
                    var a = Value();
                    accuracyLevel = a is "1" or "4"
                        ? int.Parse(a, CultureInfo.InvariantCulture) : throw new ArgumentException($"--accuracy-level: '{a}' is not 1 (float32 compute) or 4 (int8 compute)");
                    break;
                case "--no-gguf": gguf = false; break;
                case "--external-data": external = true; break;
                case "--fused": fused = true; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        var chosen = ModelPresets.Get(preset ?? throw new ArgumentException("--preset is required"));
        if (layers is { } count)
        {
            // The preset's width, heads and vocabulary with fewer (or more) layers: real per-layer shapes at a test-sized cost.
            chosen = chosen with { NumLayers = count };
        }

        if (arch is not null && arch != "llama" && arch != chosen.Family)
        {
            throw new ArgumentException($"--arch '{arch}' is not supported (llama-architecture presets only; {chosen.Name} is {chosen.Family})");
        }

        if (blockSize is { } block)
        {
            if (precision is not (ModelPrecision.Int8 or ModelPrecision.Int4))
            {
                throw new ArgumentException($"--block-size applies to int8 and int4 weights, not {precision.ToString().ToLowerInvariant()}");
            }

            // Every quantized product runs along one of these widths; a block may not straddle the end of a row.
            foreach (var (what, width) in new[] { ("hidden size", chosen.HiddenSize), ("intermediate size", chosen.IntermediateSize), ("attention width", chosen.NumHeads * chosen.HeadDim) })
            {
                if (width % block != 0)
                {
                    throw new ArgumentException($"--block-size {block}: {chosen.Name}'s {what} {width} is not a multiple of {block}");
                }
            }
        }

        if (accuracyLevel is not null && precision is not (ModelPrecision.Int8 or ModelPrecision.Int4))
        {
            throw new ArgumentException($"--accuracy-level applies to int8 and int4 weights, not {precision.ToString().ToLowerInvariant()}");
        }

        outDir = output ?? throw new ArgumentException("--out is required");
        return new ModelSpec(chosen, seed, precision)
        {
            WriteGguf = gguf, ExternalData = external, Fused = fused, Layout = layout, BlockSize = blockSize ?? Onnx.MatMulNBits.DefaultBlockSize,
            AccuracyLevel = accuracyLevel ?? Onnx.MatMulNBits.DefaultAccuracyLevel,
        };
    }
}
