using HeteroAgents.Frontier;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>Counts the requests and tokens of one planner run's frontier calls, and tags them as planning for the conversion-loop log.</summary>
internal sealed class UsageCountingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    private long _inputTokens;
    private long _outputTokens;
    private int _requests;

    public long InputTokens => Interlocked.Read(ref _inputTokens);

    public long OutputTokens => Interlocked.Read(ref _outputTokens);

    public int Requests => Volatile.Read(ref _requests);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = options?.Clone() ?? new ChatOptions();
        new FlywheelCallContext(FlywheelCallContext.PlanTaskType).WithFlywheelContext(options);
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _inputTokens, response.Usage?.InputTokenCount ?? 0);
        Interlocked.Add(ref _outputTokens, response.Usage?.OutputTokenCount ?? 0);
        return response;
    }
}
