using HeteroAgents.Orchestrator.Cli;

return await HeteroCli.RunAsync(args);
