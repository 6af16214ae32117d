using HeteroAgents.ModelMaker;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace HeteroAgents.ModelMaker.Tests.Onnx;

/// <summary>Runs a written model in ONNX Runtime with Optimum-style inputs (test helper).</summary>
internal sealed class OrtDecoder : IDisposable
{
    private readonly ModelPreset _p;

    public OrtDecoder(string modelPath, ModelPreset preset)
    {
        _p = preset;
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        Session = new InferenceSession(modelPath, options);
        Fp16 = Session.InputMetadata["past_key_values.0.key"].ElementType == typeof(Float16);
    }

    /// <summary>Whether the cache and logits are float16 (converted to and from float by this helper).</summary>
    public bool Fp16 { get; }

    public InferenceSession Session { get; }

    /// <summary>One step's result: logits [batch, seq, vocab] and the present K/V per layer.</summary>
    public sealed record StepResult(float[] Logits, long[] LogitsShape, float[][] Keys, float[][] Values, long PresentLength);

    /// <summary>
    /// Runs one step; <paramref name="past"/> is null for an empty cache; <paramref name="logitsToKeep"/> feeds the optional
    /// <c>logits_to_keep</c> input (left to its default when null).
    /// </summary>
    public StepResult Run(long[][] ids, long[][] mask, long[][] positions, StepResult? past = null, long? logitsToKeep = null)
    {
        int batch = ids.Length, seq = ids[0].Length, total = mask[0].Length, kv = _p.NumKvHeads, d = _p.HeadDim;
        var pastLength = past?.PresentLength ?? 0;
        var values = new List<OrtValue>();
        try
        {
            var inputs = new Dictionary<string, OrtValue>
            {
                ["input_ids"] = Track(values, OrtValue.CreateTensorValueFromMemory(ids.SelectMany(r => r).ToArray(), [batch, seq])),
                ["attention_mask"] = Track(values, OrtValue.CreateTensorValueFromMemory(mask.SelectMany(r => r).ToArray(), [batch, total])),
                ["position_ids"] = Track(values, OrtValue.CreateTensorValueFromMemory(positions.SelectMany(r => r).ToArray(), [batch, seq])),
            };
            if (logitsToKeep is { } keep)
            {
                inputs["logits_to_keep"] = Track(values, OrtValue.CreateTensorValueFromMemory(new[] { keep }, []));
            }

            for (var layer = 0; layer < _p.NumLayers; layer++)
            {
                long[] shape = [batch, kv, pastLength, d];
                inputs[$"past_key_values.{layer}.key"] = Track(values, Cache(past?.Keys[layer], shape));
                inputs[$"past_key_values.{layer}.value"] = Track(values, Cache(past?.Values[layer], shape));
            }

            var names = new List<string> { "logits" };
            for (var layer = 0; layer < _p.NumLayers; layer++)
            {
                names.Add($"present.{layer}.key");
                names.Add($"present.{layer}.value");
            }

            using var runOptions = new RunOptions();
            using var outputs = Session.Run(runOptions, inputs, names);
            var keys = new float[_p.NumLayers][];
            var vals = new float[_p.NumLayers][];
            long presentLength = 0;
            for (var layer = 0; layer < _p.NumLayers; layer++)
            {
                keys[layer] = Read(outputs[1 + (2 * layer)]);
                vals[layer] = Read(outputs[2 + (2 * layer)]);
                presentLength = outputs[1 + (2 * layer)].GetTensorTypeAndShape().Shape[2];
            }

            return new StepResult(Read(outputs[0]), outputs[0].GetTensorTypeAndShape().Shape, keys, vals, presentLength);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>Convenience: one unpadded sequence from position 0.</summary>
    public StepResult RunSequence(long[] ids) =>
        Run([ids], [Enumerable.Repeat(1L, ids.Length).ToArray()], [Enumerable.Range(0, ids.Length).Select(i => (long)i).ToArray()]);

    public void Dispose() => Session.Dispose();

    private static OrtValue Track(List<OrtValue> values, OrtValue value)
    {
        values.Add(value);
        return value;
    }

    private float[] Read(OrtValue value) => Fp16
        ? value.GetTensorDataAsSpan<Float16>().ToArray().Select(h => (float)BitConverter.UInt16BitsToHalf(h.value)).ToArray()
        : value.GetTensorDataAsSpan<float>().ToArray();

    private OrtValue Cache(float[]? data, long[] shape)
    {
        if (data is not { Length: > 0 })
        {
            return OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, Fp16 ? TensorElementType.Float16 : TensorElementType.Float, shape);
        }

        return Fp16
            ? OrtValue.CreateTensorValueFromMemory(data.Select(f => new Float16(BitConverter.HalfToUInt16Bits((Half)f))).ToArray(), shape)
            : OrtValue.CreateTensorValueFromMemory(data, shape);
    }
}
