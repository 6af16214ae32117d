using HeteroAgents.Frontier;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>Makes the configured frontier model a kernel's chat service.</summary>
public static class KernelBuilderExtensions
{
    /// <summary>
    /// Registers the frontier <see cref="IChatClient"/> from <paramref name="services"/> (<see cref="HeteroFrontier.ServiceKey"/>)
    /// as the kernel's chat client, with SK's function-invocation middleware so that
    /// <see cref="FunctionChoiceBehavior.Auto"/> runs SK's automatic function-calling loop (and the kernel's filters).
    /// </summary>
    /// <exception cref="InvalidOperationException">No frontier model is configured.</exception>
    public static IKernelBuilder UseHeteroFrontier(this IKernelBuilder builder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        var frontier = services.GetKeyedService<IChatClient>(HeteroFrontier.ServiceKey)
            ?? throw new InvalidOperationException("No frontier model is configured: set Hetero:Frontier:Model (environment HETERO__FRONTIER__MODEL) and, for remote endpoints, Hetero:Frontier:Endpoint.");
        builder.Services.AddChatClient(frontier).UseKernelFunctionInvocation();
        return builder;
    }
}
