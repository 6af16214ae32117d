using System.Runtime.CompilerServices;
using HeteroAgents.Fleet.Management;

namespace HeteroAgents.Fleet.Status;

/// <summary>
/// The model behind <c>hetero fleet status [--watch]</c>: reads every task queue and its error queue and returns
/// typed rows; rendering (Spectre table, plain text, JSON) is left to the caller, e.g. with <see cref="FleetStatusTable"/>.
/// </summary>
public sealed class FleetStatusService
{
    private readonly IQueueStatsSource _source;
    private readonly TimeProvider _time;

    /// <summary>Creates the service over the standard queues of every task type (<see cref="FleetQueueTarget.Defaults"/>).</summary>
    public FleetStatusService(IQueueStatsSource source, TimeProvider time)
        : this(source, time, FleetQueueTarget.Defaults)
    {
    }

    /// <summary>Creates the service over the given queues.</summary>
    public FleetStatusService(IQueueStatsSource source, TimeProvider time, IReadOnlyList<FleetQueueTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(targets);
        _source = source;
        _time = time;
        Targets = targets;
    }

    /// <summary>The queues this view reads, in row order.</summary>
    public IReadOnlyList<FleetQueueTarget> Targets { get; }

    /// <summary>
    /// Reads every queue once. Throws <see cref="RabbitMqManagementException"/> (with what to start or check) when
    /// the broker cannot be read.
    /// </summary>
    public async Task<FleetStatusSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var reads = Targets
            .Select(async t => new FleetQueueRow(
                t.TaskType,
                await _source.GetQueueAsync(t.QueueName, cancellationToken),
                await _source.GetQueueAsync(t.ErrorQueueName, cancellationToken)))
            .ToArray();
        var rows = await Task.WhenAll(reads);
        return new FleetStatusSnapshot(_time.GetUtcNow(), rows, null);
    }

    /// <summary>
    /// Reads every queue now and then once per <paramref name="interval"/> (timed by the <see cref="TimeProvider"/>)
    /// until <paramref name="cancellationToken"/> is cancelled, when the stream ends without throwing. A failed read
    /// yields a snapshot whose <see cref="FleetStatusSnapshot.Error"/> says why, and polling goes on, so a watch
    /// survives a broker restart.
    /// </summary>
    public async IAsyncEnumerable<FleetStatusSnapshot> WatchAsync(
        TimeSpan interval,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        while (!cancellationToken.IsCancellationRequested)
        {
            FleetStatusSnapshot snapshot;
            try
            {
                snapshot = await GetAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            catch (RabbitMqManagementException ex)
            {
                snapshot = new FleetStatusSnapshot(_time.GetUtcNow(), [], ex.Message);
            }

            yield return snapshot;

            try
            {
                await Task.Delay(interval, _time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
        }
    }
}
