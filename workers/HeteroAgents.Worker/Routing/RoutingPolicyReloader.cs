using HeteroAgents.Worker.Prompts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Routing;

/// <summary>
/// Re-reads the routing policy and the in-context examples file every <see cref="RoutingOptions.ReloadSeconds"/> while
/// the worker runs (on <see cref="TimeProvider"/>).
/// </summary>
internal sealed class RoutingPolicyReloader(
    RoutingPolicyProvider provider, InContextExamples examples, IOptions<RoutingOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!provider.CanReload && !examples.CanReload)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.ReloadSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, timeProvider, stoppingToken).ConfigureAwait(false);
                provider.Reload();
                examples.Reload();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
