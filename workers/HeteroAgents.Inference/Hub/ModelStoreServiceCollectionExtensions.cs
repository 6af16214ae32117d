using HeteroAgents.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Hub;

/// <summary>Registers the hub client and model store (for <c>hetero models pull|list</c> and <c>--model</c> resolution).</summary>
public static class ModelStoreServiceCollectionExtensions
{
    /// <summary>The default configuration section of <see cref="HubOptions"/>.</summary>
    public const string DefaultSection = "Hetero:Models";

    /// <summary>Registers <see cref="HubOptions"/> (bound, <see cref="HubOptions.TokenFile"/> read, and validated at start), a <see cref="HubClient"/> over a named HttpClient and <see cref="ModelStore"/>.</summary>
    public static IServiceCollection AddHeteroModelStore(this IServiceCollection services, string configSectionPath = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddStore(services, services.AddOptions<HubOptions>().BindConfiguration(configSectionPath), configSectionPath);
    }

    /// <summary>As <see cref="AddHeteroModelStore(IServiceCollection, string)"/>, binding <see cref="HubOptions"/> from <paramref name="configuration"/>'s <c>Hetero:Models</c> section (no <see cref="IConfiguration"/> service needed).</summary>
    public static IServiceCollection AddHeteroModelStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddStore(services, services.AddOptions<HubOptions>().Bind(configuration.GetSection(DefaultSection)), DefaultSection);
    }

    private static IServiceCollection AddStore(IServiceCollection services, OptionsBuilder<HubOptions> options, string section)
    {
        var tokenFileSetting = section + ":" + nameof(HubOptions.TokenFile);
        options.ReadSecretFile(tokenFileSetting, o => o.TokenFile, (o, token) => o.Token = token)
            .ValidateSection(section, new HubOptionsAnnotationValidator())
            .ValidateOnStart();
        services.AddHttpClient(nameof(HubClient), http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient(sp => new HubClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HubClient)), sp.GetRequiredService<IOptions<HubOptions>>().Value));
        services.AddTransient(sp => new ModelStore(sp.GetRequiredService<HubClient>(), sp.GetRequiredService<IOptions<HubOptions>>().Value));
        return services;
    }
}
