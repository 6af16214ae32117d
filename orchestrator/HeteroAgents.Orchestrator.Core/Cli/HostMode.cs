namespace HeteroAgents.Orchestrator.Cli;

/// <summary>What a command needs from its host.</summary>
internal enum HostMode
{
    /// <summary>No orchestrator services: only what the command registers itself (fleet, flywheel, models).</summary>
    Tools,

    /// <summary>Only the store (status, results, cancel).</summary>
    StoreOnly,

    /// <summary>The bus with the outcome recorder (submit, serve, run on RabbitMQ).</summary>
    Bus,

    /// <summary>The bus with the outcome recorder and in-process workers of every task type (run in-memory).</summary>
    BusWithWorkers,
}
