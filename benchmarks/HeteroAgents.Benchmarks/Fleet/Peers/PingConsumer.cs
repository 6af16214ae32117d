using MassTransit;

namespace HeteroAgents.Benchmarks.Fleet.Peers;

/// <summary>Answers each <see cref="PingRequest"/> at once.</summary>
internal sealed class PingConsumer : IConsumer<PingRequest>
{
    public Task Consume(ConsumeContext<PingRequest> context) =>
        context.RespondAsync(new PingReply(context.Message.Number, context.Message.Text));
}
