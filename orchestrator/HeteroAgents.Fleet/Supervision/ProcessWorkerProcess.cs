using System.Diagnostics;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>A worker running as an operating-system process.</summary>
/// <remarks>The <see cref="Process"/> object is disposed once the process has exited and its code was read.</remarks>
internal sealed class ProcessWorkerProcess : IWorkerProcess
{
    private readonly Process _process;
    private readonly TimeProvider _time;

    public ProcessWorkerProcess(Process process, TimeProvider time)
    {
        _process = process;
        _time = time;
        Id = process.Id;
        Exited = WaitForExitAsync();
    }

    public int Id { get; }

    public Task<int> Exited { get; }

    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (Exited.IsCompleted)
        {
            return;
        }

        if (UnixSignals.TrySendTerminate(Id))
        {
            try
            {
                await Exited.WaitAsync(gracePeriod, _time, cancellationToken);
                return;
            }
            catch (TimeoutException)
            {
                // Did not stop in time: kill below.
            }
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Exited meanwhile.
        }

        await Exited.WaitAsync(cancellationToken);
    }

    private async Task<int> WaitForExitAsync()
    {
        try
        {
            await _process.WaitForExitAsync();
            return _process.ExitCode;
        }
        finally
        {
            _process.Dispose();
        }
    }
}
