using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Worker.Hosting;

/// <summary>Running a worker host to its exit code.</summary>
public static class WorkerHostExtensions
{
    /// <summary>
    /// Runs the host until it stops (and disposes it, as <see cref="HostingAbstractionsHostExtensions.RunAsync"/> does) and returns the process exit code: 1 when the worker stopped at start because its
    /// model file cannot be served (the reason, naming the file, is logged at Critical), else 0.
    /// </summary>
    public static async Task<int> RunWorkerAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var warmup = host.Services.GetService<SlmModelWarmup>();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return warmup is { StoppedWorker: true } ? 1 : 0;
    }
}
