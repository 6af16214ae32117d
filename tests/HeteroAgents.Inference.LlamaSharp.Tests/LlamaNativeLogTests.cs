using Microsoft.Extensions.Logging;

namespace HeteroAgents.Inference.LlamaSharp.Tests;

/// <summary>llama.cpp's own log lines go to the logger a worker gives, its chatter at Debug, instead of stderr.</summary>
public sealed class LlamaNativeLogTests
{
    [Fact]
    public void Loading_a_model_logs_llama_cpp_lines_to_the_logger_at_debug()
    {
        var logger = new LevelRecordingLogger();
        LlamaNativeLog.RouteTo(logger);

        using (TinyGguf.Load(1))
        {
        }

        var entries = logger.Entries;
        // llama.cpp reports the file's metadata and tensors while loading it; none of that is a warning or an error.
        Assert.Contains(entries, e => e.Level == LogLevel.Debug && e.Text.Contains("llama", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Text)));
        Assert.All(entries, e => Assert.False(e.Text.EndsWith('\n')));
    }
}
