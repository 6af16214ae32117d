using HeteroAgents.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace HeteroAgents.Inference.Tests.Onnx;

public sealed class OnnxModelOptionsTests
{
    [Fact]
    public void A_copy_for_another_model_keeps_every_other_setting()
    {
        var options = new OnnxModelOptions
        {
            ModelPath = "/models/a",
            ModelFile = "decoder.onnx",
            ChatTemplate = "{{ messages }}",
            IntraOpThreads = 3,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC,
            ContextWindow = 777,
            PrefillChunkTokens = 48,
            Float32Prefill = Float32PrefillMode.Off,
            MaxBatchSize = 5,
            KvCacheMegabytes = 64,
            PrefixCacheMegabytes = 7,
            ProfileFilePrefix = "/tmp/profile",
            ExecutionProvider = "cuda",
            HugePages = false,
        };
        var settable = typeof(OnnxModelOptions).GetProperties().Where(p => p.CanWrite).ToList();
        var defaults = new OnnxModelOptions();
        // Every setting is given a non-default value above, so a property added later without it fails here first.
        Assert.All(settable, p => Assert.NotEqual(p.GetValue(defaults), p.GetValue(options)));

        var copy = options.ForModel("/models/b");

        Assert.Equal("/models/b", copy.ModelPath);
        Assert.Equal("/models/a", options.ModelPath);
        Assert.All(settable.Where(p => p.Name != nameof(OnnxModelOptions.ModelPath)), p => Assert.Equal(p.GetValue(options), p.GetValue(copy)));
    }
}
