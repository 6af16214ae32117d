using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Runs a command body inside a started host and turns known failures into clear messages and exit codes.</summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;
    public const int NotFound = 3;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(
        CliContext context,
        IReadOnlyDictionary<string, string?> flags,
        HostMode mode,
        Func<IServiceProvider, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        try
        {
            using var host = OrchestratorHostFactory.Build(context, flags, mode);
            await host.StartAsync(cancellationToken);
            try
            {
                return await body(host.Services, cancellationToken);
            }
            finally
            {
                using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await host.StopAsync(stopTimeout.Token);
            }
        }
        catch (OptionsValidationException ex)
        {
            await context.Error.WriteLineAsync("configuration error: " + string.Join("; ", ex.Failures));
            return BadUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("interrupted");
            return Interrupted;
        }
        catch (Exception ex) when (ex is RedisException or InvalidOperationException or IOException or MassTransitException or UnauthorizedAccessException)
        {
            var hint = ex is MassTransitException
                ? " (RabbitMQ settings: Hetero:Messaging:RabbitMq:Host/Port/VirtualHost/Username/Password, e.g. HETERO__MESSAGING__RABBITMQ__HOST; start a local broker with `bash .ci/start-services.sh`)"
                : string.Empty;
            await context.Error.WriteLineAsync("error: " + Describe(ex) + hint);
            return Failure;
        }
    }

    private static string Describe(Exception ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message += " -> " + inner.Message;
            }
        }

        return message;
    }
}
