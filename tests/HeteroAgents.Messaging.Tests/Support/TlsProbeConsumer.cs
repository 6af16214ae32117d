using MassTransit;

namespace HeteroAgents.Messaging.Tests.Support;

/// <summary>Completes <see cref="TlsProbeInbox"/> with the first probe it receives.</summary>
public sealed class TlsProbeConsumer(TlsProbeInbox inbox) : IConsumer<TlsProbe>
{
    public Task Consume(ConsumeContext<TlsProbe> context)
    {
        inbox.Received.TrySetResult(context.Message.Text);
        return Task.CompletedTask;
    }
}
