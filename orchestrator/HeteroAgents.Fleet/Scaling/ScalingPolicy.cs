namespace HeteroAgents.Fleet.Scaling;

/// <summary>
/// Scales one task queue's workers by its depth, the same rule KEDA applies on Kubernetes:
/// wanted = ceil((ready + unacknowledged) / targetPerWorker), clamped to [min, max].
/// Scale-up happens at once unless the previous scale-up is more recent than the up-cooldown; scale-down happens
/// only when the queue is idle (no ready messages) and both the last busy observation and the last change are at
/// least the down-cooldown ago; the count never leaves [min, max]. Time comes from the <see cref="TimeProvider"/>.
/// One instance per queue; it remembers the last changes it decided, so call <see cref="Evaluate"/> once per
/// observation and apply every decision it returns. Not thread-safe.
/// </summary>
public sealed class ScalingPolicy
{
    private readonly TimeProvider _time;
    private DateTimeOffset? _lastScaleUp;
    private DateTimeOffset? _lastChange;
    private DateTimeOffset? _lastBusy;

    /// <summary>Creates a policy; the options are validated here (an <see cref="ArgumentException"/> names a bad field).</summary>
    public ScalingPolicy(ScalingPolicyOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        Options = options;
        _time = time;
    }

    /// <summary>The policy's numbers.</summary>
    public ScalingPolicyOptions Options { get; }

    /// <summary>ceil((ready + unacknowledged) / targetPerWorker) clamped to [min, max], with no cooldowns: the count KEDA's HPA aims at.</summary>
    public static int WantedWorkers(long ready, long unacknowledged, ScalingPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(ready);
        ArgumentOutOfRangeException.ThrowIfNegative(unacknowledged);
        var depth = ready + unacknowledged;
        var raw = (depth + options.TargetPerWorker - 1) / options.TargetPerWorker;
        return (int)Math.Clamp(raw, options.MinWorkers, options.MaxWorkers);
    }

    /// <summary>Decides the worker count for the queue's current figures and records the change it makes (if any).</summary>
    /// <param name="ready">Messages waiting in the queue.</param>
    /// <param name="unacknowledged">Messages delivered and not yet acknowledged (in flight).</param>
    /// <param name="currentWorkers">Workers running or about to be restarted.</param>
    public ScalingDecision Evaluate(long ready, long unacknowledged, int currentWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(currentWorkers);
        var now = _time.GetUtcNow();
        var wanted = WantedWorkers(ready, unacknowledged, Options);
        if (ready > 0)
        {
            _lastBusy = now;
        }

        var decision = Decide(now, ready, currentWorkers, wanted);
        if (decision.Changes)
        {
            _lastChange = now;
            if (decision.Desired > currentWorkers)
            {
                _lastScaleUp = now;
            }
        }

        return decision;
    }

    private ScalingDecision Decide(DateTimeOffset now, long ready, int current, int wanted)
    {
        if (current < Options.MinWorkers)
        {
            // Raised at once, cooldown or not; straight to what the depth asks for.
            return new(current, wanted, wanted, wanted > Options.MinWorkers ? ScalingReason.ScaleUp : ScalingReason.BelowMinimum);
        }

        if (current > Options.MaxWorkers)
        {
            return new(current, Options.MaxWorkers, wanted, ScalingReason.AboveMaximum);
        }

        if (wanted > current)
        {
            return Elapsed(now, _lastScaleUp, Options.ScaleUpCooldown)
                ? new(current, wanted, wanted, ScalingReason.ScaleUp)
                : new(current, current, wanted, ScalingReason.ScaleUpCoolingDown);
        }

        if (wanted < current)
        {
            if (ready > 0)
            {
                return new(current, current, wanted, ScalingReason.ScaleDownWaitingForIdle);
            }

            return Elapsed(now, _lastBusy, Options.ScaleDownCooldown) && Elapsed(now, _lastChange, Options.ScaleDownCooldown)
                ? new(current, wanted, wanted, ScalingReason.ScaleDown)
                : new(current, current, wanted, ScalingReason.ScaleDownCoolingDown);
        }

        return new(current, current, wanted, ScalingReason.Steady);
    }

    private static bool Elapsed(DateTimeOffset now, DateTimeOffset? since, TimeSpan cooldown) =>
        since is null || now - since.Value >= cooldown;
}
