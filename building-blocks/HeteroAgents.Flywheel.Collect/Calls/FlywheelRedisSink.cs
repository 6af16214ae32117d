using HeteroAgents.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Flywheel;

/// <summary>
/// The connection of the <see cref="FrontierLogSink.Redis"/> sink when no <see cref="IConnectionMultiplexer"/> is registered:
/// <see cref="RedisConnectionOptions"/> bound from <see cref="FlywheelLoggingOptions.RedisSectionName"/> (the password
/// file read, as the orchestrator does), with the endpoints of <see cref="FlywheelLoggingOptions.RedisConfiguration"/> when set.
/// </summary>
internal static class FlywheelRedisSink
{
    private const string ConfigurationSetting = FlywheelLoggingOptions.SectionName + ":" + nameof(FlywheelLoggingOptions.RedisConfiguration);

    /// <summary>Binds the shared connection settings (reading <c>PasswordFile</c>) and checks them at start when the Redis sink connects on its own.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddOptions<RedisConnectionOptions>().BindConfiguration(FlywheelLoggingOptions.RedisSectionName)
            .PostConfigure(o => o.Password = SecretFile.ReadOrDefault(o.PasswordFile, FlywheelLoggingOptions.RedisSectionName + ":PasswordFile", o.Password));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlywheelLoggingOptions>, Validator>());
    }

    /// <summary>The settings the sink connects with.</summary>
    public static RedisConnectionOptions Settings(FlywheelLoggingOptions logging, RedisConnectionOptions shared) =>
        shared.WithConfiguration(string.IsNullOrWhiteSpace(logging.RedisConfiguration) ? shared.Configuration ?? string.Empty : logging.RedisConfiguration);

    /// <summary>The StackExchange.Redis configuration the sink connects with (<see cref="RedisConfigurationFactory.Create"/>).</summary>
    public static ConfigurationOptions Create(FlywheelLoggingOptions logging, RedisConnectionOptions shared) =>
        RedisConfigurationFactory.Create(Settings(logging, shared));

    /// <summary>The problems of the sink's settings; messages name the settings, never a secret.</summary>
    public static IEnumerable<string> Problems(FlywheelLoggingOptions logging, RedisConnectionOptions shared) =>
        RedisConnectionValidation.Problems(
            Settings(logging, shared),
            FlywheelLoggingOptions.RedisSectionName,
            string.IsNullOrWhiteSpace(logging.RedisConfiguration) ? null : ConfigurationSetting);

    private sealed class Validator(IOptions<RedisConnectionOptions> shared, IServiceProviderIsService registered) : IValidateOptions<FlywheelLoggingOptions>
    {
        public ValidateOptionsResult Validate(string? name, FlywheelLoggingOptions options)
        {
            if (!options.Enabled || options.Sink != FrontierLogSink.Redis || registered.IsService(typeof(IConnectionMultiplexer)))
            {
                return ValidateOptionsResult.Success;
            }

            var problems = Problems(options, shared.Value).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
