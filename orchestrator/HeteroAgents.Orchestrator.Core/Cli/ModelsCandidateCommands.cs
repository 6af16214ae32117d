using System.CommandLine;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// <c>hetero models register|promote|rollback</c>: model candidates for a workload and task type, kept next to the
/// routing policy (<see cref="PolicyTarget"/>); promotion writes the candidate into the policy the workers read (they
/// pick it up on their next reload) only when <c>hetero flywheel eval --candidate</c> found it not worse.
/// </summary>
internal static class ModelsCandidateCommands
{
    public static Command Register(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "The model: a folder or GGUF file (in-process), or a model id the OpenAI-compatible server (Hetero:Slm:Endpoint) serves, e.g. a LoRA adapter's name." };
        var workload = new Option<string>("--workload") { Description = "The workload the candidate is for.", Required = true };
        var task = new Option<string>("--task") { Description = "The task type: classify, extract, tool_call or summarize.", Required = true };
        var policy = PolicyTarget.Create();
        var command = new Command("register", "Record a model candidate for a workload and task type (next: hetero flywheel eval <log> --candidate).") { model, workload, task };
        policy.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(context, async (services, token) =>
        {
            var name = parse.GetRequiredValue(model).Trim();
            var type = TaskTypes.TryParse(parse.GetRequiredValue(task), out var t) ? t.Value
                : throw new ArgumentException($"--task '{parse.GetRequiredValue(task)}' is not a task type (classify, extract, tool_call, summarize)");
            var id = parse.GetRequiredValue(workload).Trim();
            if (name.Length == 0 || id.Length == 0)
            {
                throw new ArgumentException("the model and --workload must not be empty");
            }

            var store = policy.Resolve(parse, services);
            var candidates = await ModelCandidates.LoadAsync(store, token);
            var candidate = candidates.Register(name, id, type, (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow());
            await store.WriteCandidatesAsync(candidates.ToJson(), token);
            await context.Out.WriteLineAsync($"registered candidate {candidate.Id}: {name} for workload {id}, task {type.ToWireName()} ({store.Name}); next: hetero flywheel eval <log> --candidate {candidate.Id}");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    public static Command Promote(CliContext context)
    {
        var id = new Argument<string?>("candidate") { Description = "The candidate id. Default: the newest open candidate (of --workload/--task).", Arity = ArgumentArity.ZeroOrOne };
        var workload = new Option<string?>("--workload") { Description = "The newest open candidate of this workload." };
        var task = new Option<string?>("--task") { Description = "The newest open candidate of this task type." };
        var policy = PolicyTarget.Create();
        var command = new Command("promote", "Put an evaluated candidate into the routing policy for its workload, only when it is not worse than the model in force.") { id, workload, task };
        policy.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(context, async (services, token) =>
        {
            var store = policy.Resolve(parse, services);
            var candidates = await ModelCandidates.LoadAsync(store, token);
            var candidate = candidates.Find(parse.GetValue(id), parse.GetValue(workload), parse.GetValue(task));
            if (candidate.Eval is not { } eval)
            {
                await context.Error.WriteLineAsync($"refused: candidate {candidate.Id} has not been evaluated; run hetero flywheel eval <log> --candidate {candidate.Id}");
                return CommandRunner.Failure;
            }

            if (eval.WorseBecause() is { Count: > 0 } reasons)
            {
                candidates.Update(candidate with { Status = "refused" });
                await store.WriteCandidatesAsync(candidates.ToJson(), token);
                await context.Error.WriteLineAsync($"refused: candidate {candidate.Id} ({candidate.Model}) is worse than {eval.Current.Model}: {string.Join("; ", reasons)}");
                return CommandRunner.Failure;
            }

            var current = await PolicyDocuments.ReadAsync(store, token);
            var type = TaskTypes.TryParse(candidate.Task, out var t) ? t.Value : throw new FormatException($"{store.Name} (models): candidate {candidate.Id} has task '{candidate.Task}'");
            var rule = (current.RuleAt(candidate.Workload, type) ?? new RoutingRule()) with
            {
                Model = candidate.Model,
                MinConfidence = eval.Candidate.Threshold is { } threshold ? HeteroAgents.Flywheel.ThresholdPoint.ForPolicy(threshold) : null,
            };
            var promoted = current.With(PolicyVersions.Next(services.GetService<TimeProvider>() ?? TimeProvider.System, "promote"), candidate.Workload, type, rule);
            await store.WriteAsync(promoted.ToJson(), token);
            candidates.Update(candidate with { Status = "promoted", PromotedVersion = promoted.Version });
            await store.WriteCandidatesAsync(candidates.ToJson(), token);
            await context.Out.WriteLineAsync(
                $"promoted {candidate.Id}: {candidate.Model} answers {candidate.Workload}/{candidate.Task} from routing policy {promoted.Version} (was {current.Version}) at {store.Name}; " +
                "running workers apply it on their next reload (Hetero:Routing:ReloadSeconds); `hetero models rollback` restores the previous policy");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    public static Command Rollback(CliContext context)
    {
        var policy = PolicyTarget.Create();
        var command = new Command("rollback", "Put the routing policy in force before the last calibrate or promote back in force.");
        policy.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(context, async (services, token) =>
        {
            var store = policy.Resolve(parse, services);
            var replaced = await PolicyDocuments.ReadAsync(store, token);
            if (await store.RollbackAsync(token) is not { } restoredText)
            {
                await context.Error.WriteLineAsync($"error: nothing to roll back: {store.Name} has no earlier policy");
                return CommandRunner.NotFound;
            }

            var restored = RoutingPolicyReader.Read(restoredText);
            var candidates = await ModelCandidates.LoadAsync(store, token);
            foreach (var c in candidates.Items.Where(c => c.PromotedVersion == replaced.Version).ToList())
            {
                candidates.Update(c with { Status = "rolled_back" });
            }

            await store.WriteCandidatesAsync(candidates.ToJson(), token);
            await context.Out.WriteLineAsync($"routing policy {restored.Version} is back in force at {store.Name} (replaced {replaced.Version}); running workers apply it on their next reload");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static Task<int> RunAsync(CliContext context, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(context, CliOptions.Flags(null), HostMode.Tools, PolicyTarget.Register, body, cancellationToken);
}
