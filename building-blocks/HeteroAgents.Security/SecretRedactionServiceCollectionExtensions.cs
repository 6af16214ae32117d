using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Security;

/// <summary>Registers secret redaction for every log entry of the process.</summary>
public static class SecretRedactionServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SecretRedactor"/> built from <paramref name="configuration"/> (<see cref="SecretRedactor.FromConfiguration"/>)
    /// and replaces the registered <see cref="ILoggerFactory"/> with a <see cref="RedactingLoggerFactory"/> around it, so every
    /// logger created through the container masks secrets in messages, structured values and exceptions. Idempotent.
    /// </summary>
    public static IServiceCollection AddHeteroSecretRedaction(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(RedactionMarker)))
        {
            return services;
        }

        services.AddSingleton<RedactionMarker>();
        services.AddLogging();
        services.TryAddSingleton(_ => SecretRedactor.FromConfiguration(configuration));

        var original = services.Last(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        services.Remove(original);
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(CreateInner(sp, original), sp.GetRequiredService<SecretRedactor>()));
        return services;
    }

    private static ILoggerFactory CreateInner(IServiceProvider services, ServiceDescriptor original) =>
        (ILoggerFactory)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!));

    private sealed class RedactionMarker;
}
