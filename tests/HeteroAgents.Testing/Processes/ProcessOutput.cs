using System.Collections.Concurrent;
using System.Diagnostics;

namespace HeteroAgents.Testing.Processes;

/// <summary>Collects the last lines a child process writes to stdout and stderr, for failure messages.</summary>
public sealed class ProcessOutput
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Tail => string.Join('\n', _lines);

    /// <summary>Starts reading <paramref name="process"/>'s redirected output into this buffer and returns the process.</summary>
    public Process Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > 60 && _lines.TryDequeue(out _))
        {
        }
    }
}
