using HeteroAgents.Inference.Onnx;
using HeteroAgents.Testing.Models;
using HeteroAgents.Worker.Backends;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Worker.Tests.Backends;

public sealed class OnnxModelHostTests
{
    private static readonly Lazy<string> Int4 = new(() => TinyModels.Make("--arch", "llama", "--preset", "tiny", "--seed", "7", "--fused", "--precision", "int4", "--no-gguf"));

    [Theory]
    [InlineData(Float32PrefillMode.On, true)]
    [InlineData(Float32PrefillMode.Off, false)]
    public void The_Hetero_Onnx_settings_reach_the_loaded_model_and_its_prompt_compute_is_logged(Float32PrefillMode mode, bool secondSession)
    {
        var log = new RecordingLogger();
        using var host = new OnnxModelHost(Microsoft.Extensions.Options.Options.Create(new OnnxModelOptions { IntraOpThreads = 1, ContextWindow = 200, Float32Prefill = mode }), log);

        var model = host.Get(Int4.Value);

        Assert.Equal(secondSession, model.Float32Prefill);
        Assert.Equal(200, model.ContextWindow);
        Assert.Same(model, host.Get(Int4.Value));
        var line = Assert.Single(log.Lines);
        Assert.Contains(model.ModelFile, line, StringComparison.Ordinal);
        Assert.Contains(secondSession ? "float32 (second session)" : "as written", line, StringComparison.Ordinal);
        Assert.Contains("probe: not measured", line, StringComparison.Ordinal);
        Assert.Contains("huge pages", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_auto_the_log_gives_the_load_time_measurement()
    {
        var log = new RecordingLogger();
        using var host = new OnnxModelHost(Microsoft.Extensions.Options.Options.Create(new OnnxModelOptions { IntraOpThreads = 1 }), log);

        var model = host.Get(Int4.Value);

        var probe = Assert.IsType<PromptSessionProbe>(model.PromptSessionProbe);
        Assert.Contains(probe.ToString(), Assert.Single(log.Lines), StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger<OnnxModelHost>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
