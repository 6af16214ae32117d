using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.Inference.Hub;
using HeteroAgents.Security;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    public static Task<int> RunAsync(
        CliContext context,
        IReadOnlyDictionary<string, string?> flags,
        HostMode mode,
        Func<IServiceProvider, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken) =>
        RunAsync(context, flags, mode, null, body, cancellationToken);

    public static async Task<int> RunAsync(
        CliContext context,
        IReadOnlyDictionary<string, string?> flags,
        HostMode mode,
        Action<IServiceCollection, IConfiguration>? configure,
        Func<IServiceProvider, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        try
        {
            using var host = OrchestratorHostFactory.Build(context, flags, mode, configure);
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
            await WriteErrorAsync(context, flags, "configuration error: " + string.Join("; ", ex.Failures));
            return BadUsage;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Start-up validation of several options at once.
            var failures = ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Distinct(StringComparer.Ordinal);
            await WriteErrorAsync(context, flags, "configuration error: " + string.Join("; ", failures));
            return BadUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await WriteErrorAsync(context, flags, "interrupted");
            return Interrupted;
        }
        catch (Exception ex) when (ex is ArgumentException and not ArgumentNullException or FormatException or FleetConfigException)
        {
            await WriteErrorAsync(context, flags, "error: " + Describe(ex));
            return BadUsage;
        }
        catch (Exception ex) when (ex is RabbitMqManagementException or HubDownloadException or HttpRequestException or TimeoutException)
        {
            await WriteErrorAsync(context, flags, "error: " + Describe(ex));
            return Failure;
        }
        catch (Exception ex) when (ex is RedisException or InvalidOperationException or IOException or MassTransitException or UnauthorizedAccessException)
        {
            var hint = ex is MassTransitException
                ? " (RabbitMQ settings: Hetero:Messaging:RabbitMq:Host/Port/VirtualHost/Username/Password, e.g. HETERO__MESSAGING__RABBITMQ__HOST; start a local broker with `bash .ci/start-services.sh`)"
                : string.Empty;
            await WriteErrorAsync(context, flags, "error: " + Describe(ex) + hint);
            return Failure;
        }
    }

    /// <summary>Writes one error line with every secret of the configuration (and any secret-looking text) masked.</summary>
    private static Task WriteErrorAsync(CliContext context, IReadOnlyDictionary<string, string?> flags, string line)
    {
        SecretRedactor redactor;
        try
        {
            redactor = SecretRedactor.FromConfiguration(OrchestratorHostFactory.BuildConfiguration(context, flags));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            redactor = SecretRedactor.PatternsOnly; // the configuration itself is unreadable: still mask by pattern
        }

        return context.Error.WriteLineAsync(redactor.Redact(line));
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
