using HeteroAgents.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Flywheel;

/// <summary>
/// The connection of the <see cref="FrontierLogSink.Redis"/> sink: the process's one Redis connection
/// (<see cref="RedisServiceCollectionExtensions.AddHeteroRedis"/>, section <c>Hetero:Redis</c> — endpoints, user, password
/// or password file, TLS), the same the batch store uses. Its settings are checked at start when the sink is on.
/// </summary>
internal static class FlywheelRedisSink
{
    /// <summary>Registers the one Redis connection and the start-up check of its settings for the Redis sink.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddHeteroRedis();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlywheelLoggingOptions>, Validator>());
    }

    private sealed class Validator(IOptionsMonitor<RedisOptions> redis) : IValidateOptions<FlywheelLoggingOptions>
    {
        public ValidateOptionsResult Validate(string? name, FlywheelLoggingOptions options)
        {
            if (!options.Enabled || options.Sink != FrontierLogSink.Redis)
            {
                return ValidateOptionsResult.Success;
            }

            try
            {
                _ = redis.CurrentValue;
                return ValidateOptionsResult.Success;
            }
            catch (OptionsValidationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Failures);
            }
        }
    }
}
