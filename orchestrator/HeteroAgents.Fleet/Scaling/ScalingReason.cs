namespace HeteroAgents.Fleet.Scaling;

/// <summary>Why a <see cref="ScalingDecision"/> keeps or changes the worker count.</summary>
public enum ScalingReason
{
    /// <summary>The current count is what the queue needs.</summary>
    Steady,

    /// <summary>Below the minimum and the queue needs no more than the minimum: raised to it at once.</summary>
    BelowMinimum,

    /// <summary>Above the maximum: lowered to it at once.</summary>
    AboveMaximum,

    /// <summary>The queue needs more workers: scaled up (at once when below the minimum, else after the up-cooldown).</summary>
    ScaleUp,

    /// <summary>The queue needs more workers, but the last scale-up is more recent than the up-cooldown.</summary>
    ScaleUpCoolingDown,

    /// <summary>Fewer workers would do: scaled down (the queue has been idle for the down-cooldown).</summary>
    ScaleDown,

    /// <summary>Fewer workers would do, but messages are still waiting (ready &gt; 0): no scale-down while busy.</summary>
    ScaleDownWaitingForIdle,

    /// <summary>Fewer workers would do, but the queue was busy or the count changed within the down-cooldown.</summary>
    ScaleDownCoolingDown,
}
