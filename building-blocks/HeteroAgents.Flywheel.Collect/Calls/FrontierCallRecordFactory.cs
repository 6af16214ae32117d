using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HeteroAgents.Frontier;
using HeteroAgents.Security;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Flywheel;

/// <summary>Builds <see cref="FrontierCallRecord"/>s from a call's request and outcome.</summary>
internal static class FrontierCallRecordFactory
{
    public static FrontierCallRecord Answered(
        FlywheelCallContext context, IReadOnlyList<ChatMessage> prompt, ChatOptions? options, DateTimeOffset started, TimeSpan elapsed,
        ChatResponse response, CostAccountingOptions? prices, bool streaming)
    {
        var model = response.ModelId ?? options?.ModelId;
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        var cost = CostOf(response.AdditionalProperties) ?? prices?.Cost(model, input, output);
        return Create(context, prompt, options, started, elapsed, streaming) with
        {
            Model = model,
            Output = response.Text,
            InputTokens = input,
            OutputTokens = output,
            CostUsd = cost,
        };
    }

    public static FrontierCallRecord Failed(
        FlywheelCallContext context, IReadOnlyList<ChatMessage> prompt, ChatOptions? options, DateTimeOffset started, TimeSpan elapsed,
        Exception error, bool streaming, IReadOnlyList<ChatResponseUpdate>? partial = null)
    {
        var partialResponse = partial is { Count: > 0 } ? partial.ToChatResponse() : null;
        return Create(context, prompt, options, started, elapsed, streaming) with
        {
            Model = partialResponse?.ModelId ?? options?.ModelId,
            Output = partialResponse?.Text,
            Status = FrontierCallStatus.Failed,
            Error = SecretRedactor.PatternsOnly.Redact($"{error.GetType().Name}: {error.Message}"),
            InputTokens = partialResponse?.Usage?.InputTokenCount ?? 0,
            OutputTokens = partialResponse?.Usage?.OutputTokenCount ?? 0,
        };
    }

    private static FrontierCallRecord Create(
        FlywheelCallContext context, IReadOnlyList<ChatMessage> prompt, ChatOptions? options, DateTimeOffset started, TimeSpan elapsed, bool streaming)
    {
        var schema = (options?.ResponseFormat as ChatResponseFormatJson)?.Schema;
        return new(
            Id: Guid.CreateVersion7(started).ToString("D", CultureInfo.InvariantCulture),
            Timestamp: started,
            TaskType: context.TaskType,
            WorkloadId: context.WorkloadId,
            BatchId: context.BatchId,
            Model: null,
            Messages: [.. prompt.Select(ToLogged)],
            ResponseSchema: schema,
            Output: null,
            Status: FrontierCallStatus.Ok,
            Error: null,
            EscalationReason: context.EscalationReason,
            LatencyMs: (long)elapsed.TotalMilliseconds,
            InputTokens: 0,
            OutputTokens: 0,
            CostUsd: null,
            TraceId: context.TraceId ?? Activity.Current?.TraceId.ToHexString(),
            Streaming: streaming,
            TaskId: context.TaskId,
            SchemaFingerprint: CanonicalJson.Fingerprint(schema),
            SlmOutput: context.Audit?.SlmOutput,
            ServedBy: context.Audit?.ServedBy,
            Confidence: context.Audit?.Confidence,
            Audit: context.Audit is not null);
    }

    public static LoggedMessage ToLogged(ChatMessage message)
    {
        var text = new StringBuilder();
        foreach (var content in message.Contents)
        {
            var part = content switch
            {
                TextContent t => t.Text,
                FunctionCallContent call => JsonSerializer.Serialize(new { function_call = call.Name, arguments = call.Arguments }),
                FunctionResultContent result => JsonSerializer.Serialize(new { function_result = result.CallId, result = result.Result?.ToString() }),
                _ => null,
            };
            if (!string.IsNullOrEmpty(part))
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(part);
            }
        }

        return new LoggedMessage(message.Role.Value, text.ToString());
    }

    private static decimal? CostOf(AdditionalPropertiesDictionary? props) =>
        props is not null && props.TryGetValue(FlywheelPropertyKeys.CostUsd, out var value)
            ? value switch
            {
                decimal d => d,
                double d => (decimal)d,
                JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDecimal(),
                _ => null,
            }
            : null;
}
