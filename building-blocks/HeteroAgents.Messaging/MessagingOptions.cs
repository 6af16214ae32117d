using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Messaging;

/// <summary>Transport choice and consumer limits (configuration section <c>Hetero:Messaging</c>, environment <c>HETERO__MESSAGING__*</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Messaging";

    /// <summary>In-memory (the embedded default) or RabbitMQ.</summary>
    public TransportKind Transport { get; set; } = TransportKind.InMemory;

    /// <summary>Messages fetched ahead per consumer (RabbitMQ prefetch).</summary>
    [Range(1, 10_000)]
    public int PrefetchCount { get; set; } = 32;

    /// <summary>Messages processed at once per consumer.</summary>
    [Range(1, 10_000)]
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>Immediate retries of a failing message before it moves to the error queue.</summary>
    [Range(0, 100)]
    public int RetryLimit { get; set; } = 3;

    /// <summary>RabbitMQ settings, used when <see cref="Transport"/> is <see cref="TransportKind.RabbitMq"/>.</summary>
    [ValidateObjectMembers]
    public RabbitMqOptions RabbitMq { get; set; } = new();
}
