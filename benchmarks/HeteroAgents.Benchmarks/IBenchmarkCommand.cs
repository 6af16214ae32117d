namespace HeteroAgents.Benchmarks;

/// <summary>One benchmark, run as <c>dotnet run -c Release --project benchmarks/HeteroAgents.Benchmarks -- NAME [args]</c>.</summary>
internal interface IBenchmarkCommand
{
    /// <summary>The sub-command name, e.g. <c>maskbench</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage listing.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
