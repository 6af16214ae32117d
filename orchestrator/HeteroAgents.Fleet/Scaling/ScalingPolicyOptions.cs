namespace HeteroAgents.Fleet.Scaling;

/// <summary>
/// The numbers of the scaling policy for one task queue. They map one to one onto a KEDA <c>ScaledObject</c>
/// (see <c>compose/k8s/README.md</c>): <see cref="TargetPerWorker"/> is the rabbitmq trigger's <c>value</c>,
/// <see cref="MinWorkers"/>/<see cref="MaxWorkers"/> are <c>minReplicaCount</c>/<c>maxReplicaCount</c>, and
/// <see cref="ScaleDownCooldown"/> is <c>cooldownPeriod</c> (plus the HPA scale-down stabilization window).
/// </summary>
public sealed record ScalingPolicyOptions
{
    /// <summary>Fewest workers, kept even when the queue is idle (0 allows scaling to zero).</summary>
    public int MinWorkers { get; init; } = 1;

    /// <summary>Most workers.</summary>
    public int MaxWorkers { get; init; } = 4;

    /// <summary>Ready plus unacknowledged messages one worker is expected to carry.</summary>
    public int TargetPerWorker { get; init; } = 50;

    /// <summary>Least time between two scale-ups.</summary>
    public TimeSpan ScaleUpCooldown { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the queue must have had no ready messages, and how long since the last change, before scaling down.</summary>
    public TimeSpan ScaleDownCooldown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field and its value.</summary>
    public void Validate()
    {
        if (MinWorkers < 0)
        {
            throw new ArgumentException($"{nameof(MinWorkers)} must be >= 0 (got {MinWorkers}).", nameof(MinWorkers));
        }

        if (MaxWorkers < 1 || MaxWorkers < MinWorkers)
        {
            throw new ArgumentException($"{nameof(MaxWorkers)} must be >= 1 and >= {nameof(MinWorkers)} ({MinWorkers}) (got {MaxWorkers}).", nameof(MaxWorkers));
        }

        if (TargetPerWorker < 1)
        {
            throw new ArgumentException($"{nameof(TargetPerWorker)} must be >= 1 (got {TargetPerWorker}).", nameof(TargetPerWorker));
        }

        if (ScaleUpCooldown < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ScaleUpCooldown)} must not be negative (got {ScaleUpCooldown}).", nameof(ScaleUpCooldown));
        }

        if (ScaleDownCooldown < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ScaleDownCooldown)} must not be negative (got {ScaleDownCooldown}).", nameof(ScaleDownCooldown));
        }
    }
}
