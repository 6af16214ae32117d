using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.ServiceDefaults;
using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.Hosting;

// hetero-worker --task classify|extract|tool_call|summarize [--model <name|dir>]: serves exactly one task type.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddWorkerCommandLine(args);

if (!WorkerCommandLine.TryGetTaskType(builder.Configuration, out var taskType, out var error))
{
    await Console.Error.WriteLineAsync($"hetero-worker: {error}\n{WorkerCommandLine.Usage}").ConfigureAwait(false);
    return 2;
}

builder.Services.AddHeteroMessaging(builder.Configuration, x => x.AddHeteroTaskConsumers(taskType.Value));
builder.Services.AddHeteroWorker(builder.Configuration);
builder.Services.AddHeteroServiceDefaults(builder.Configuration, "hetero-worker-" + taskType.Value.QueueName()["hetero-".Length..]);

using var host = builder.Build();
return await host.RunWorkerAsync().ConfigureAwait(false);
