namespace HeteroAgents.Testing.Brokers;

/// <summary>What differs between the private RabbitMQ nodes tests start (see <see cref="DedicatedRabbitMqNode"/>).</summary>
public sealed record DedicatedRabbitMqNodeOptions
{
    /// <summary>A short word for the node name (<c>hetero-&lt;Name&gt;-&lt;pid&gt;-&lt;n&gt;@localhost</c>) and its temporary folder.</summary>
    public string Name { get; init; } = "test";

    /// <summary>
    /// Only an AMQPS listener (no plain AMQP) on <see cref="DedicatedRabbitMqNode.AmqpPort"/>, with a server certificate
    /// from a throw-away CA (<see cref="DedicatedRabbitMqNode.Authority"/>, <see cref="DedicatedRabbitMqNode.CaPath"/>);
    /// client certificates are not asked for.
    /// </summary>
    public bool UseTls { get; init; }

    /// <summary>Enables the management plugin on its own port (needed for virtual hosts and queue depths; adds a few seconds to the start).</summary>
    public bool EnableManagement { get; init; } = true;

    /// <summary>The AMQP (or AMQPS) port; null picks a free one.</summary>
    public int? AmqpPort { get; init; }

    /// <summary>How long a start may take before it fails with the node's output and log.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Fails naming the field at fault.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"{nameof(DedicatedRabbitMqNodeOptions)}.{nameof(Name)} must be ASCII letters, digits and '-' (got '{Name}').", nameof(Name));
        }

        if (AmqpPort is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(AmqpPort), AmqpPort, $"{nameof(DedicatedRabbitMqNodeOptions)}.{nameof(AmqpPort)} must be 1-65535.");
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StartTimeout), StartTimeout, $"{nameof(DedicatedRabbitMqNodeOptions)}.{nameof(StartTimeout)} must be positive.");
        }
    }
}
