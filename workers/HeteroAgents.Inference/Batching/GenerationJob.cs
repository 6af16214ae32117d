using System.Threading.Channels;
using HeteroAgents.Inference.Generation;

namespace HeteroAgents.Inference.Batching;

/// <summary>A generation request: its <see cref="SequenceDecoder"/> and the channel its steps stream through.</summary>
internal sealed class GenerationJob(int[] prompt, SequenceDecoder decoder, CancellationToken cancellationToken)
    : SchedulerJob(prompt, prompt.Length + decoder.MaxTokens, cancellationToken)
{
    private readonly Channel<GenerationStep> _steps = Channel.CreateUnbounded<GenerationStep>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public ChannelReader<GenerationStep> Steps => _steps.Reader;

    public SequenceDecoder Decoder => decoder;

    /// <summary>Chooses and publishes the next token; true when the sequence has ended.</summary>
    public bool Advance(ReadOnlySpan<float> logits)
    {
        var step = decoder.Next(logits);
        _steps.Writer.TryWrite(step);
        if (step.FinishReason is null)
        {
            return false;
        }

        _steps.Writer.TryComplete();
        return true;
    }

    public override void Fail(Exception error) => _steps.Writer.TryComplete(error);

    public override void Dispose()
    {
        decoder.Dispose();
        base.Dispose();
    }
}
