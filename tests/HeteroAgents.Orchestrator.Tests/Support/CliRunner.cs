using HeteroAgents.Orchestrator.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>Runs `hetero` in-process with captured, non-interactive output.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(
        IReadOnlyDictionary<string, string?> configuration, string[] args, CancellationToken cancellationToken = default,
        Action<IServiceCollection>? configureServices = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext
        {
            Out = stdout,
            Error = stderr,
            Interactive = false,
            Configuration = configuration,
            ConfigureServices = configureServices,
        };
        var exit = await HeteroCli.RunAsync(args, context, cancellationToken);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);
}
