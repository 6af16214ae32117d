using HeteroAgents.Inference.Constraints;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Security;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Chat;

/// <summary>
/// Registers the in-process ONNX model as an <see cref="IChatClient"/>. Semantic Kernel apps get it as
/// <c>IChatCompletionService</c> with SK's <c>chatClient.AsChatCompletionService()</c> (Microsoft.SemanticKernel.Core), e.g.
/// <c>services.AddSingleton(sp =&gt; sp.GetRequiredService&lt;IChatClient&gt;().AsChatCompletionService())</c>.
/// </summary>
public static class OnnxChatClientServiceCollectionExtensions
{
    /// <summary>The default configuration section of <see cref="OnnxModelOptions"/>.</summary>
    public const string DefaultSection = "Hetero:Onnx";

    /// <summary>
    /// Registers <see cref="OnnxModelOptions"/> bound from <paramref name="configSectionPath"/> (validated at start), the
    /// loaded <see cref="OnnxLanguageModel"/> (one shared instance) and <see cref="OnnxChatClient"/> as <see cref="IChatClient"/>.
    /// JSON-schema response formats are served by the <see cref="IJsonSchemaConstraintFactory"/> in the container: by default
    /// the constrained-decoding engine (<see cref="DecodingJsonSchemaConstraintFactory"/>, options bound from
    /// <c>{configSectionPath}:Decoding</c>); register another one before this call to replace it.
    /// </summary>
    /// <returns>The builder of the chat client pipeline, for middleware (<c>.UseLogging()</c>, ...).</returns>
    public static ChatClientBuilder AddOnnxChatClient(this IServiceCollection services, string configSectionPath = DefaultSection, Action<OnnxModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OnnxModelOptions>().BindConfiguration(configSectionPath)
            .ValidateSection(configSectionPath, new OnnxModelOptionsAnnotationValidator())
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OnnxModelOptions>>(new ModelPathRequiredValidator(configSectionPath));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<OnnxChatClientOptions>().BindConfiguration(configSectionPath)
            .ValidateSection(configSectionPath, new OnnxChatClientOptionsAnnotationValidator()).ValidateOnStart();
        services.AddSingleton(sp => OnnxLanguageModel.Load(sp.GetRequiredService<IOptions<OnnxModelOptions>>().Value));
        services.AddOptions<DecodingConstraintOptions>().BindConfiguration(configSectionPath + ":Decoding")
            .ValidateSection(configSectionPath + ":Decoding", new DecodingConstraintOptionsAnnotationValidator()).ValidateOnStart();
        AddDefaultConstraintFactory(services);
        return services.AddChatClient(sp => new OnnxChatClient(
            sp.GetRequiredService<OnnxLanguageModel>(),
            sp.GetService<IJsonSchemaConstraintFactory>(),
            sp.GetRequiredService<IOptions<OnnxChatClientOptions>>().Value,
            sp.GetService<TimeProvider>()));
    }

    /// <summary>
    /// Registers an already loaded model as the <see cref="IChatClient"/>, with the constrained-decoding engine serving
    /// JSON-schema response formats unless another <see cref="IJsonSchemaConstraintFactory"/> is registered first.
    /// </summary>
    public static ChatClientBuilder AddOnnxChatClient(this IServiceCollection services, OnnxLanguageModel model, OnnxChatClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(model);
        services.AddSingleton(model);
        AddDefaultConstraintFactory(services);
        return services.AddChatClient(sp => new OnnxChatClient(model, sp.GetService<IJsonSchemaConstraintFactory>(), options, sp.GetService<TimeProvider>()));
    }

    private static void AddDefaultConstraintFactory(IServiceCollection services)
        => services.TryAddSingleton<IJsonSchemaConstraintFactory>(sp => DecodingJsonSchemaConstraintFactory.ForModel(
            sp.GetRequiredService<OnnxLanguageModel>(),
            sp.GetService<IOptions<DecodingConstraintOptions>>()?.Value));
}
