using System.Collections.Concurrent;
using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Processes;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// Real <c>hetero-worker</c> OS processes, one per task type, started with <c>dotnet hetero-worker.dll --task X</c>
/// and killed (with their process trees) on dispose. Their output is kept for failure messages.
/// </summary>
internal sealed class WorkerProcesses : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly ConcurrentQueue<string> _log = new();

    public string Log => string.Join('\n', _log.TakeLast(200));

    public static string WorkerDll() => WorkerHostBuild.Dll;

    public void Start(TaskType type, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WorkerDll());
        info.ArgumentList.Add("--task");
        info.ArgumentList.Add(type.ToWireName());
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start hetero-worker");
        var name = type.ToWireName();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _log.Enqueue($"[{name}] {e.Data}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _log.Enqueue($"[{name}!] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    /// <summary>Fails when a worker already exited (bad configuration, broker refused).</summary>
    public void EnsureRunning()
    {
        foreach (var p in _processes.Where(p => p.HasExited))
        {
            throw new InvalidOperationException($"a hetero-worker exited with code {p.ExitCode}:\n{Log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }

            process.Dispose();
        }
    }
}
