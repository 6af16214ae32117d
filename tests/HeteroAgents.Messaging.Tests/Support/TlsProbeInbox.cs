namespace HeteroAgents.Messaging.Tests.Support;

/// <summary>Where <see cref="TlsProbeConsumer"/> puts what it received.</summary>
public sealed class TlsProbeInbox
{
    public TaskCompletionSource<string> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
