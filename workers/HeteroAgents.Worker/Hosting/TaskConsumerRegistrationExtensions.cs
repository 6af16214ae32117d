using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Worker.Consumers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Worker.Hosting;

/// <summary>Adds task consumers to a MassTransit bus registration.</summary>
public static class TaskConsumerRegistrationExtensions
{
    /// <summary>
    /// Registers <see cref="TaskConsumer{TTask}"/> with its <see cref="TaskConsumerDefinition{TTask}"/> for each of
    /// <paramref name="types"/> (all four when none are given): one endpoint per type named by
    /// <see cref="TaskTypes.QueueName"/>. The pipeline itself comes from <c>AddHeteroWorker</c>.
    /// </summary>
    public static IBusRegistrationConfigurator AddHeteroTaskConsumers(this IBusRegistrationConfigurator bus, params TaskType[] types)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(types);
        bus.AddOptions<MessagingOptions>();
        foreach (var type in (types.Length == 0 ? TaskTypes.All : types).Distinct())
        {
            switch (type)
            {
                case TaskType.Classify:
                    bus.AddConsumer<TaskConsumer<ClassifyTask>, TaskConsumerDefinition<ClassifyTask>>();
                    break;
                case TaskType.Extract:
                    bus.AddConsumer<TaskConsumer<ExtractTask>, TaskConsumerDefinition<ExtractTask>>();
                    break;
                case TaskType.ToolCall:
                    bus.AddConsumer<TaskConsumer<ToolCallTask>, TaskConsumerDefinition<ToolCallTask>>();
                    break;
                case TaskType.Summarize:
                    bus.AddConsumer<TaskConsumer<SummarizeTask>, TaskConsumerDefinition<SummarizeTask>>();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(types), type, "Unknown task type.");
            }
        }

        return bus;
    }
}
