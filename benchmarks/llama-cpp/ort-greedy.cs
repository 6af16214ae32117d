// ONNX Runtime side of the llama.cpp cross-check: greedy generation with the KV cache on a make-model folder.
// Prints one JSON line shaped like greedy.mjs's output.
//
//   dotnet run ort-greedy.cs -- <model dir> <comma-separated prompt ids> [new tokens=16] [threads=2]
#:package Microsoft.ML.OnnxRuntime
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: dotnet run ort-greedy.cs -- <model dir> <ids,comma,separated> [new tokens] [threads]");
    return 2;
}

var dir = args[0];
var prompt = args[1].Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json")));
var c = config.RootElement;
int layers = c.GetProperty("num_hidden_layers").GetInt32(), kvHeads = c.GetProperty("num_key_value_heads").GetInt32();
int headDim = c.GetProperty("head_dim").GetInt32(), vocab = c.GetProperty("vocab_size").GetInt32();

using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
using var session = new InferenceSession(Path.Combine(dir, "model.onnx"), options);
if (session.InputMetadata["past_key_values.0.key"].ElementType != typeof(float))
{
    Console.Error.WriteLine("ort-greedy handles float32 caches only (not fp16 models).");
    return 2;
}

var keys = new float[layers][];
var values = new float[layers][];
long past = 0;
var ids = prompt;
var tokens = new List<long>();
double promptMs = 0;
var generation = Stopwatch.StartNew();
for (var step = 0; step < count; step++)
{
    var watch = Stopwatch.StartNew();
    var total = past + ids.Length;
    var inputs = new Dictionary<string, OrtValue>
    {
        ["input_ids"] = OrtValue.CreateTensorValueFromMemory(ids, [1, ids.Length]),
        ["attention_mask"] = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, (int)total).ToArray(), [1, total]),
        ["position_ids"] = OrtValue.CreateTensorValueFromMemory(Enumerable.Range((int)past, ids.Length).Select(i => (long)i).ToArray(), [1, ids.Length]),
    };
    for (var l = 0; l < layers; l++)
    {
        long[] shape = [1, kvHeads, past, headDim];
        inputs[$"past_key_values.{l}.key"] = past == 0
            ? OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, shape)
            : OrtValue.CreateTensorValueFromMemory(keys[l], shape);
        inputs[$"past_key_values.{l}.value"] = past == 0
            ? OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, shape)
            : OrtValue.CreateTensorValueFromMemory(values[l], shape);
    }

    using var runOptions = new RunOptions();
    using var outputs = session.Run(runOptions, inputs, session.OutputNames);
    var logits = outputs[0].GetTensorDataAsSpan<float>();
    var last = logits[^vocab..];
    var best = 0;
    for (var i = 1; i < vocab; i++)
    {
        if (last[i] > last[best])
        {
            best = i;
        }
    }

    tokens.Add(best);
    for (var l = 0; l < layers; l++)
    {
        keys[l] = outputs[1 + (2 * l)].GetTensorDataAsSpan<float>().ToArray();
        values[l] = outputs[2 + (2 * l)].GetTensorDataAsSpan<float>().ToArray();
    }

    foreach (var value in inputs.Values)
    {
        value.Dispose();
    }

    past = total;
    ids = [best];
    if (step == 0)
    {
        promptMs = watch.Elapsed.TotalMilliseconds;
        generation.Restart();
    }
}

var genPerSecond = count > 1 ? (count - 1) / generation.Elapsed.TotalSeconds : 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"model\":\"{dir}\",\"prompt_tokens\":{prompt.Length},\"tokens\":[{string.Join(',', tokens)}],\"prompt_ms\":{promptMs:F1},\"prompt_tokens_per_s\":{prompt.Length / (promptMs / 1000):F1},\"generation_tokens_per_s\":{genPerSecond:F1},\"threads\":{threads}}}"));
return 0;
