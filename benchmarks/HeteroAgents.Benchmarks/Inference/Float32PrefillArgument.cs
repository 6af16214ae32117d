using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>The <c>--float32-prefill auto|on|off</c> argument of the ONNX speed benchmarks.</summary>
internal static class Float32PrefillArgument
{
    public static Float32PrefillMode Parse(string value) => value switch
    {
        "auto" => Float32PrefillMode.Auto,
        "on" => Float32PrefillMode.On,
        "off" => Float32PrefillMode.Off,
        _ => throw new ArgumentException($"--float32-prefill: '{value}' is not auto, on or off"),
    };
}
