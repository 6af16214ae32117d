namespace HeteroAgents.Messaging.Tests.Support;

/// <summary>A message sent through the TLS broker to prove the connection carries traffic.</summary>
public sealed record TlsProbe(string Text);
