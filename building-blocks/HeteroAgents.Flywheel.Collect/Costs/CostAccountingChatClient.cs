using System.Runtime.CompilerServices;
using HeteroAgents.Frontier;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Middleware that prices every call from its reported token usage and the configured per-model prices,
/// writes the cost to the response's <see cref="FlywheelPropertyKeys.CostUsd"/> property (for streaming: on the
/// update that carries the usage) and adds the call to a <see cref="CostLedger"/>.
/// </summary>
public sealed class CostAccountingChatClient : DelegatingChatClient
{
    private readonly CostAccountingOptions _options;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public CostAccountingChatClient(IChatClient innerClient, CostAccountingOptions options, CostLedger? ledger = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Ledger = ledger ?? new CostLedger();
    }

    /// <summary>The totals this client adds to.</summary>
    public CostLedger Ledger { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var model = ModelOf(response.ModelId, options);
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        var cost = _options.Cost(model, input, output);
        if (cost is { } c)
        {
            (response.AdditionalProperties ??= [])[FlywheelPropertyKeys.CostUsd] = c;
        }

        Ledger.Add(model ?? "(unknown)", input, output, cost);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? model = null;
        long input = 0, output = 0;
        var sawUsage = false;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            model ??= update.ModelId;
            foreach (var usage in update.Contents.OfType<UsageContent>())
            {
                sawUsage = true;
                input += usage.Details.InputTokenCount ?? 0;
                output += usage.Details.OutputTokenCount ?? 0;
                if (_options.Cost(ModelOf(model, options), input, output) is { } cost)
                {
                    (update.AdditionalProperties ??= [])[FlywheelPropertyKeys.CostUsd] = cost;
                }
            }

            yield return update;
        }

        var resolved = ModelOf(model, options);
        Ledger.Add(resolved ?? "(unknown)", input, output, sawUsage ? _options.Cost(resolved, input, output) : null);
    }

    private static string? ModelOf(string? responseModel, ChatOptions? options) => responseModel ?? options?.ModelId;
}
