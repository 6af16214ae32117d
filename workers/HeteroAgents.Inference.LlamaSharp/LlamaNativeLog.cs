using LLama.Native;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Inference.LlamaSharp;

/// <summary>
/// Where llama.cpp's own log lines go. Left alone, llama.cpp writes dozens of lines to the process's stderr for every
/// model load and context (tensor lists, buffer sizes, graph reservation); a worker sends them through its logger
/// instead: llama.cpp's information and debug lines at <see cref="LogLevel.Debug"/>, its warnings and errors as such.
/// The setting is process-wide (llama.cpp has one log callback); the last call wins.
/// </summary>
public static partial class LlamaNativeLog
{
    /// <summary>The logger category the lines are written under.</summary>
    public const string Category = "HeteroAgents.LlamaSharp.Native";

    private static readonly Lock Gate = new();
    private static LogLevel _previous = LogLevel.Debug;

    // llama.cpp keeps only a function pointer: the delegate behind it must stay reachable for as long as it is set.
    private static NativeLogConfig.LLamaLogCallback? _callback;

    /// <summary>Routes llama.cpp's log lines to <paramref name="logger"/> from now on.</summary>
    public static void RouteTo(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        NativeLogConfig.LLamaLogCallback callback = (level, message) =>
        {
            lock (Gate)
            {
                // A Continue line carries on the previous message, at its level.
                var mapped = level switch
                {
                    LLamaLogLevel.Error => LogLevel.Error,
                    LLamaLogLevel.Warning => LogLevel.Warning,
                    LLamaLogLevel.Continue => _previous,
                    LLamaLogLevel.None => LogLevel.None,
                    _ => LogLevel.Debug,
                };
                _previous = mapped;
                var text = message.TrimEnd('\n');
                if (mapped != LogLevel.None && text.Length > 0 && logger.IsEnabled(mapped))
                {
                    Write(logger, mapped, text);
                }
            }
        };
        // Kept and handed over together, so two routings at once cannot leave llama.cpp holding one whose delegate is gone.
        lock (Gate)
        {
            _callback = callback;
            NativeLogConfig.llama_log_set(callback);
        }
    }

    [LoggerMessage(Message = "{LlamaCpp}")]
    private static partial void Write(ILogger logger, LogLevel level, string llamaCpp);
}
