using HeteroAgents.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Redis;

/// <summary>The one Redis registration of a process.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RedisOptions"/> from <c>Hetero:Redis</c> (reading <see cref="RedisOptions.PasswordFile"/>; checked by
    /// <see cref="RedisOptionsValidator"/> when first read) and registers the one <see cref="RedisConnection"/> and, over it, the
    /// one <see cref="IConnectionMultiplexer"/>, opened on first use. Calling it again changes nothing. Returns the options
    /// builder, so that a host that needs Redis from the start adds <c>.ValidateOnStart()</c>.
    /// </summary>
    public static OptionsBuilder<RedisOptions> AddHeteroRedis(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedisOptions>();
        if (services.Any(d => d.ServiceType == typeof(RedisConnection)))
        {
            return options;
        }

        options.BindConfiguration(RedisOptions.SectionName)
            .ReadSecretFile(RedisOptions.SectionName + ":PasswordFile", o => o.PasswordFile, (o, password) => o.Password = password)
            .ValidateSection(RedisOptions.SectionName, new RedisOptionsAnnotationValidator());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        services.AddSingleton<RedisConnection>();
        services.TryAddSingleton(sp => sp.GetRequiredService<RedisConnection>().GetMultiplexer());
        return options;
    }

    /// <summary>Adds the readiness check <c>redis</c> (tag <c>ready</c>, behind <c>/healthz/ready</c>): the connection answers a ping.</summary>
    public static IServiceCollection AddHeteroRedisReadinessCheck(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHeteroRedis();
        if (!services.Any(d => d.ServiceType == typeof(RedisHealthCheck)))
        {
            services.AddSingleton<RedisHealthCheck>();
            services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: ["ready"]);
        }

        return services;
    }
}
