using System.Reflection;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Worker.Consumers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeteroAgents.Worker.Hosting;

/// <summary>Adds task consumers to a MassTransit bus registration.</summary>
public static class TaskConsumerRegistrationExtensions
{
    private static readonly MethodInfo AddConsumerOf = typeof(TaskConsumerRegistrationExtensions)
        .GetMethod(nameof(AddConsumer), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Registers <see cref="TaskConsumer{TTask}"/> with its <see cref="TaskConsumerDefinition{TTask}"/> for each of
    /// <paramref name="types"/> (every built-in kind when none are given): one endpoint per type named by its
    /// <see cref="TaskKind.QueueName"/>. The pipeline itself comes from <c>AddHeteroWorker</c>.
    /// </summary>
    public static IBusRegistrationConfigurator AddHeteroTaskConsumers(this IBusRegistrationConfigurator bus, params TaskType[] types) =>
        bus.AddHeteroTaskConsumers(TaskKindRegistry.Default, types);

    /// <summary>
    /// Registers a consumer for each of <paramref name="types"/> (every kind of <paramref name="kinds"/> when none are
    /// given), and <paramref name="kinds"/> as the process's <see cref="TaskKindRegistry"/>: the one place a worker learns
    /// which kinds exist. A kind's messages also need an <c>IPromptBuilder&lt;TTask&gt;</c> in the container.
    /// </summary>
    public static IBusRegistrationConfigurator AddHeteroTaskConsumers(this IBusRegistrationConfigurator bus, TaskKindRegistry kinds, params TaskType[] types)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(types);
        bus.AddOptions<MessagingOptions>();
        if (ReferenceEquals(kinds, TaskKindRegistry.Default))
        {
            bus.TryAddSingleton(kinds);
        }
        else
        {
            bus.Replace(ServiceDescriptor.Singleton(kinds));
        }

        foreach (var kind in types.Length == 0 ? kinds.All : types.Distinct().Select(kinds.Get))
        {
            AddConsumerOf.MakeGenericMethod(kind.MessageType).Invoke(null, [bus]);
        }

        return bus;
    }

    private static void AddConsumer<TTask>(IBusRegistrationConfigurator bus)
        where TTask : class, ITaskMessage =>
        bus.AddConsumer<TaskConsumer<TTask>, TaskConsumerDefinition<TTask>>();
}
