using HeteroAgents.Security;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Messaging;

/// <summary>Registers the HeteroAgents bus (MassTransit) on the transport chosen by <see cref="MessagingOptions"/>.</summary>
public static class MessagingServiceCollectionExtensions
{
    private const string RabbitMqPrefix = MessagingOptions.SectionName + ":RabbitMq:";

    /// <summary>
    /// Binds <see cref="MessagingOptions"/> from <c>Hetero:Messaging</c> (validated at start, see
    /// <see cref="AddHeteroMessagingOptions"/>), masks secrets in every log entry of the process
    /// (<see cref="SecretRedactionServiceCollectionExtensions.AddHeteroSecretRedaction"/>) and adds a MassTransit bus with
    /// kebab-case endpoint names on the configured transport; for RabbitMQ, credentials and TLS are mapped by
    /// <see cref="RabbitMqHostConfiguration.Apply"/>. <paramref name="configure"/> adds the process's consumers
    /// (worker task consumers, orchestrator result recorders, request clients).
    /// </summary>
    public static IServiceCollection AddHeteroMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddHeteroMessagingOptions(configuration);
        services.AddHeteroSecretRedaction(configuration);

        // The transport must be known while the bus is being registered, before the container exists.
        var options = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();

        services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            configure(x);

            if (options.Transport == TransportKind.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = context.GetRequiredService<IOptions<MessagingOptions>>().Value.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h => RabbitMqHostConfiguration.Apply(h, rabbit));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });

        return services;
    }

    /// <summary>
    /// Binds <see cref="MessagingOptions"/> from <c>Hetero:Messaging</c> without adding a bus (used by <c>AddHeteroMessaging</c>
    /// and by tools that only need the broker settings): <c>...File</c> secrets are read into their values, and at start
    /// data annotations and <see cref="MessagingOptionsValidator"/> (credentials outside loopback, TLS files, no secret on
    /// the command line of <paramref name="configuration"/>) are checked. Idempotent.
    /// </summary>
    public static IServiceCollection AddHeteroMessagingOptions(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(MessagingOptionsValidator)))
        {
            return services;
        }

        services.AddSingleton(sp => new MessagingOptionsValidator(configuration ?? sp.GetService<IConfiguration>()));
        services.AddSingleton<IValidateOptions<MessagingOptions>>(sp => sp.GetRequiredService<MessagingOptionsValidator>());
        services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ReadSecretFile(RabbitMqPrefix + nameof(RabbitMqOptions.PasswordFile), o => o.RabbitMq.PasswordFile, (o, password) => o.RabbitMq.Password = password)
            .ReadSecretFile(
                RabbitMqPrefix + nameof(RabbitMqOptions.TlsClientCertificatePasswordFile),
                o => o.RabbitMq.TlsClientCertificatePasswordFile,
                (o, passphrase) => o.RabbitMq.TlsClientCertificatePassword = passphrase)
            .ValidateSection(MessagingOptions.SectionName, new MessagingOptionsAnnotationValidator())
            .ValidateOnStart();
        return services;
    }
}
