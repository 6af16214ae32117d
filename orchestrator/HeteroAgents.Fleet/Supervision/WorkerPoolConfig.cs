using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Scaling;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>How one task type's workers are launched and scaled (one entry of <c>workers</c> in <c>fleet.json</c>).</summary>
public sealed record WorkerPoolConfig
{
    /// <summary>The task type served.</summary>
    public required TaskType TaskType { get; init; }

    /// <summary>The queue watched for depth; defaults to <see cref="TaskTypes.QueueName"/>.</summary>
    public required string Queue { get; init; }

    /// <summary>Fewest workers.</summary>
    public int Min { get; init; } = 1;

    /// <summary>Most workers.</summary>
    public int Max { get; init; } = 4;

    /// <summary>Ready plus unacknowledged messages per worker.</summary>
    public int TargetPerWorker { get; init; } = 50;

    /// <summary>Executable to run (looked up on PATH); defaults to <c>hetero-worker</c>.</summary>
    public string Command { get; init; } = "hetero-worker";

    /// <summary>Arguments; defaults to <c>--task &lt;wire name&gt;</c>.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment variables for the worker (added to the supervisor's own environment).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The model the worker serves, passed as <c>HETERO__SLM__MODEL</c> unless <see cref="Environment"/> sets it.</summary>
    public string? Model { get; init; }

    /// <summary>The scaling numbers of this pool with the fleet's cooldowns.</summary>
    public ScalingPolicyOptions ToScalingOptions(FleetConfig fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return new ScalingPolicyOptions
        {
            MinWorkers = Min,
            MaxWorkers = Max,
            TargetPerWorker = TargetPerWorker,
            ScaleUpCooldown = fleet.ScaleUpCooldown,
            ScaleDownCooldown = fleet.ScaleDownCooldown,
        };
    }

    /// <summary>The environment a worker process gets on top of the supervisor's: <see cref="Environment"/> plus the model.</summary>
    public IReadOnlyDictionary<string, string> EffectiveEnvironment()
    {
        var env = new Dictionary<string, string>(Environment, StringComparer.Ordinal);
        if (Model is not null)
        {
            env.TryAdd("HETERO__SLM__MODEL", Model);
        }

        return env;
    }
}
