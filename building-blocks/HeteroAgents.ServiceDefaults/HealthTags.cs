namespace HeteroAgents.ServiceDefaults;

/// <summary>Tags that put a health check behind <c>/healthz/live</c> or <c>/healthz/ready</c>.</summary>
public static class HealthTags
{
    /// <summary>Checks behind <c>/healthz/live</c>: the process answers (restart it when this fails).</summary>
    public const string Live = "live";

    /// <summary>
    /// Checks behind <c>/healthz/ready</c> (together with the live ones): the process can do its work (bus connected,
    /// store reachable, model loaded). MassTransit tags its bus health check <c>ready</c> too.
    /// </summary>
    public const string Ready = "ready";
}
