namespace HeteroAgents.Orchestrator.Tests.Kinds;

/// <summary>Input of the test-only <c>echo</c> kind: a text the model must repeat.</summary>
public sealed record EchoInput(string Text);
