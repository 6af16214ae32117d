using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Worker.Backends;

/// <summary><c>UseXxx</c> extensions that add the worker's chat-client middleware stages to a <see cref="ChatClientBuilder"/>.</summary>
public static class WorkerChatClientBuilderExtensions
{
    /// <summary>Adds <see cref="BackendErrorChatClient"/>: backend failures become <see cref="ChatBackendException"/>s marked transient or permanent.</summary>
    public static ChatClientBuilder UseBackendErrors(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new BackendErrorChatClient(inner));
    }

    /// <summary>Adds <see cref="RequestTimeoutChatClient"/>, timing with the container's <see cref="TimeProvider"/> (or the system clock).</summary>
    public static ChatClientBuilder UseRequestTimeout(this ChatClientBuilder builder, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
            new RequestTimeoutChatClient(inner, timeout, services.GetService<TimeProvider>() ?? TimeProvider.System));
    }

    /// <summary>Adds <see cref="UsageAccountingChatClient"/>, recording into the container's <see cref="WorkerMetrics"/>.</summary>
    public static ChatClientBuilder UseUsageAccounting(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new UsageAccountingChatClient(inner, services.GetRequiredService<WorkerMetrics>(), services.GetService<TimeProvider>() ?? TimeProvider.System));
    }

    /// <summary>Adds <see cref="OpenAiStructuredOutputChatClient"/> (only meaningful over the OpenAI adapter).</summary>
    public static ChatClientBuilder UseOpenAiStructuredOutput(this ChatClientBuilder builder, bool strict, bool requestLogProbs)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new OpenAiStructuredOutputChatClient(inner, strict, requestLogProbs));
    }
}
