using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Flywheel;

/// <summary><see cref="ChatClientBuilder"/> stages of the conversion loop.</summary>
public static class FlywheelChatClientBuilderExtensions
{
    /// <summary>
    /// Logs every call of the frontier client to the flywheel log. Place it before (outside of)
    /// <see cref="UseCostAccounting"/> so records carry the computed cost. The log is <paramref name="log"/>, else the
    /// registered <see cref="IFrontierCallLog"/>; options are <paramref name="options"/>, else the registered
    /// <see cref="FlywheelLoggingOptions"/>; the clock is <paramref name="timeProvider"/>, else the registered <see cref="TimeProvider"/>,
    /// else the system clock. With <see cref="FlywheelLoggingOptions.Enabled"/> false the stage is left out.
    /// </summary>
    public static ChatClientBuilder UseFlywheelLogging(
        this ChatClientBuilder builder, IFrontierCallLog? log = null, FlywheelLoggingOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var resolved = options ?? services.GetService<IOptions<FlywheelLoggingOptions>>()?.Value ?? new FlywheelLoggingOptions();
            if (!resolved.Enabled)
            {
                return inner;
            }

            var sink = log ?? services.GetService<IFrontierCallLog>()
                ?? throw new InvalidOperationException("UseFlywheelLogging needs an IFrontierCallLog: pass one or call services.AddFlywheelCollection().");
            return new FrontierCallLoggingChatClient(
                inner,
                sink,
                timeProvider ?? services.GetService<TimeProvider>(),
                services.GetService<IOptions<CostAccountingOptions>>()?.Value,
                resolved.FailCallOnLogError,
                services.GetService<ILogger<FrontierCallLoggingChatClient>>());
        });
    }

    /// <summary>
    /// Prices every call with <paramref name="options"/> (else the registered <see cref="CostAccountingOptions"/>) and adds
    /// it to <paramref name="ledger"/> (else the registered <see cref="CostLedger"/>, else a new one).
    /// </summary>
    public static ChatClientBuilder UseCostAccounting(this ChatClientBuilder builder, CostAccountingOptions? options = null, CostLedger? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new CostAccountingChatClient(
            inner,
            options ?? services.GetService<IOptions<CostAccountingOptions>>()?.Value ?? new CostAccountingOptions(),
            ledger ?? services.GetService<CostLedger>()));
    }
}
