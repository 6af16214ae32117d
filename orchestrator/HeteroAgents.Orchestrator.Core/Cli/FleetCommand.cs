using System.CommandLine;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero fleet status|up</c>.</summary>
internal static class FleetCommand
{
    public static Command Create(CliContext context) =>
        new("fleet", "The SLM worker fleet: queue status from the RabbitMQ management API; run and scale local workers.")
        {
            FleetStatusCommand.Create(context),
            FleetUpCommand.Create(context),
        };
}
