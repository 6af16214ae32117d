namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>What one in-process `hetero` invocation returned and wrote.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Everything written, for failure messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
