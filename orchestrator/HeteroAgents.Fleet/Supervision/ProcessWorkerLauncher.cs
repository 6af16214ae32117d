using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>
/// Starts workers as real processes (<see cref="Process"/>, no shell). Their standard output and error are
/// forwarded line by line to the logger, prefixed with the worker's name. A worker inherits the supervisor's
/// environment (so <c>HETERO__*</c> settings pass through) plus its pool's variables. Stopping sends SIGTERM on
/// Linux and macOS; on Windows, which has no SIGTERM, a stop kills the process at once.
/// </summary>
public sealed partial class ProcessWorkerLauncher : IWorkerLauncher
{
    private readonly TimeProvider _time;
    private readonly ILogger<ProcessWorkerLauncher> _logger;

    /// <summary>Creates a launcher.</summary>
    public ProcessWorkerLauncher(TimeProvider time, ILogger<ProcessWorkerLauncher> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public IWorkerProcess Launch(WorkerLaunchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var info = new ProcessStartInfo(spec.Command)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Forward(spec.Name, e.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => Forward(spec.Name, e.Data, LogLevel.Warning);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProcessWorkerProcess(process, _time);
    }

    private void Forward(string worker, string? line, LogLevel level)
    {
        if (line is not null)
        {
            LogLine(level, worker, line);
        }
    }

    [LoggerMessage(Message = "[{Worker}] {Line}")]
    private partial void LogLine(LogLevel level, string worker, string line);
}
