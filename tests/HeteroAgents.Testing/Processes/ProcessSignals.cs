using System.Diagnostics;
using System.Globalization;

namespace HeteroAgents.Testing.Processes;

/// <summary>Signals to OS processes by id and short helper commands, for tests that stop or kill the services they started.</summary>
public static class ProcessSignals
{
    /// <summary>Sends SIGTERM (a graceful stop) to <paramref name="pid"/> and waits up to <paramref name="timeout"/> until it is gone.</summary>
    public static async Task TerminateAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await RunAsync("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), cancellationToken);
        await WaitForExitAsync(pid, timeout, cancellationToken);
    }

    /// <summary>Sends SIGKILL (<c>kill -9</c>: no chance to flush anything) to <paramref name="pid"/>, if it still runs, and waits until it is gone.</summary>
    public static async Task KillAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return; // Already gone.
        }

        await WaitForExitAsync(pid, timeout, cancellationToken);
    }

    /// <summary>Waits until <c>/proc/&lt;pid&gt;</c> is gone or <paramref name="timeout"/> passes; says whether the process is gone.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Directory.Exists($"/proc/{pid}"))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }

    /// <summary>Runs <paramref name="program"/> to completion and returns its exit code; with <paramref name="throwOnError"/> a non-zero exit fails with its output.</summary>
    public static async Task<int> RunAsync(string program, string[] arguments, TimeSpan timeout, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var info = new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{program} {string.Join(' ', arguments)}` did not finish within {timeout.TotalSeconds:0} s.");
        }

        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{program} {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return process.ExitCode;
    }
}
