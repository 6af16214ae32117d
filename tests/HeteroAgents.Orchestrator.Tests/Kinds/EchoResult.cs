namespace HeteroAgents.Orchestrator.Tests.Kinds;

/// <summary>Result of the test-only <c>echo</c> kind.</summary>
public sealed record EchoResult(string Echo);
