namespace HeteroAgents.Fleet.Supervision;

/// <summary>
/// What <c>hetero fleet up --config fleet.json</c> runs: one <see cref="WorkerPoolConfig"/> per task type plus the
/// fleet-wide timings. Read it with <see cref="FleetConfigParser"/>; the format is described in <c>compose/k8s/README.md</c>.
/// </summary>
public sealed record FleetConfig
{
    /// <summary>How often queue depth is read and the pools rescaled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Least time between two scale-ups of a pool.</summary>
    public TimeSpan ScaleUpCooldown { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Idle time (and time since the last change) before a pool scales down.</summary>
    public TimeSpan ScaleDownCooldown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a worker has to exit after SIGTERM before it is killed.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Restart delays for crashed workers.</summary>
    public RestartBackoff RestartBackoff { get; init; } = new();

    /// <summary>The pools, at most one per task type.</summary>
    public IReadOnlyList<WorkerPoolConfig> Workers { get; init; } = [];
}
