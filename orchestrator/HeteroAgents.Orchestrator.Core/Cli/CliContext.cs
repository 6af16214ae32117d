using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// What the <c>hetero</c> CLI runs against: its output streams, extra configuration and services. The real
/// process uses <see cref="System.Console"/>; tests run the CLI in-process with their own writers and backends.
/// </summary>
public sealed class CliContext
{
    /// <summary>Where data goes (batch ids, JSONL results without <c>--out</c>, status tables).</summary>
    public TextWriter Out { get; init; } = System.Console.Out;

    /// <summary>Where progress, summaries and errors go.</summary>
    public TextWriter Error { get; init; } = System.Console.Error;

    /// <summary>Whether <see cref="Error"/> is an interactive terminal (live progress bar); null: detect from the console and <c>CI</c>.</summary>
    public bool? Interactive { get; init; }

    /// <summary>Configuration applied over appsettings.json and the environment (under the command-line flags).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra service registrations applied last (e.g. a test's chat backend).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The default context: the process console.</summary>
    public static CliContext Default { get; } = new();

    /// <summary>Whether the live progress bar can be shown on <see cref="Error"/>.</summary>
    internal bool IsInteractive =>
        Interactive ?? (ReferenceEquals(Error, System.Console.Error) && !System.Console.IsErrorRedirected &&
                        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase));
}
