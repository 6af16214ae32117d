using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Orchestrator.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// <c>hetero flywheel eval &lt;log&gt; --candidate [id]</c>: the candidate and the model in force (the policy's
/// <c>model</c> for the workload, else the configured one) answer the same eval-split tasks of the candidate's workload
/// and task type through the worker pipeline; agreement, SLM share at the target, latency and tokens of both are
/// printed and recorded on the candidate for <c>hetero models promote</c>.
/// </summary>
internal static class FlywheelCandidateEval
{
    public static async Task<int> RunAsync(
        CliContext context, IServiceProvider services, FileSystemInfo log, string? candidateId, double? evalFraction, IRoutingPolicyStore store, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<CalibrationOptions>>().Value;
        var candidates = await ModelCandidates.LoadAsync(store, cancellationToken);
        var candidate = candidates.Find(candidateId, null, null);
        var type = TaskTypes.TryParse(candidate.Task, out var t) ? t.Value : throw new FormatException($"{store.Name} (models): candidate {candidate.Id} has task '{candidate.Task}'");
        var current = await PolicyDocuments.ReadAsync(store, cancellationToken);
        var records = await FrontierCallLogReader.ReadListAsync(log.FullName, cancellationToken);
        var references = CalibrationLog.References(records, evalFraction ?? options.EvalFraction, candidate.Workload, log.FullName)
            .Where(r => r.Type == type).ToList();
        if (references.Count == 0)
        {
            throw new FormatException($"{log.FullName}: the eval split has no resolved {candidate.Task} task of workload '{candidate.Workload}' (a larger --eval-fraction, or more logged batches)");
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var inForce = current.Resolve(candidate.Workload, type).Model;
        var currentScore = await ScoreAsync(context, configuration, inForce, references, options.TargetAgreement, cancellationToken);
        var candidateScore = await ScoreAsync(context, configuration, candidate.Model, references, options.TargetAgreement, cancellationToken);
        var eval = new CandidateEval((services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow(), options.TargetAgreement, current.Version, currentScore, candidateScore);
        candidates.Update(candidate with { Eval = eval, Status = candidate.Status == "refused" ? "candidate" : candidate.Status });
        await store.WriteCandidatesAsync(candidates.ToJson(), cancellationToken);

        ConsoleFactory.Create(context.Out, context.IsInteractive).Write(Table(candidate, eval));
        var worse = eval.WorseBecause();
        await context.Out.WriteLineAsync(worse.Count == 0
            ? $"candidate {candidate.Id} is not worse than {currentScore.Model}: `hetero models promote {candidate.Id}` puts it in force"
            : $"candidate {candidate.Id} is worse than {currentScore.Model}: {string.Join("; ", worse)}");
        return CommandRunner.Ok;
    }

    private static async Task<ModelScore> ScoreAsync(
        CliContext context, IConfiguration configuration, string? model, IReadOnlyList<ReferenceAnswer> references, double target, CancellationToken cancellationToken)
    {
        await using var replayer = new TaskReplayer(configuration, model);
        var answers = await StepProgress.RunAsync(context, "eval " + replayer.ServedBy,
            r => replayer.ReplayAsync(references, 4, FlywheelCommand.Progress(r), cancellationToken));
        return ModelScore.Of(replayer.ServedBy, answers, target);
    }

    private static Table Table(ModelCandidate candidate, CandidateEval eval)
    {
        var table = new Table().Title(Markup.Escape($"{candidate.Id}: {candidate.Workload}/{candidate.Task}, target agreement {eval.TargetAgreement:0.###}, policy {eval.PolicyVersion}"))
            .AddColumn("model").AddColumn(new TableColumn("tasks").RightAligned()).AddColumn(new TableColumn("agreement").RightAligned())
            .AddColumn(new TableColumn("threshold").RightAligned()).AddColumn(new TableColumn("SLM share").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned()).AddColumn(new TableColumn("tokens/task").RightAligned());
        foreach (var (label, s) in new[] { ("in force", eval.Current), ("candidate", eval.Candidate) })
        {
            table.AddRow(
                Markup.Escape($"{s.Model} ({label})"),
                s.Samples.ToString(CultureInfo.InvariantCulture),
                s.Agreement is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-",
                s.Threshold is { } th ? th.ToString("0.###", CultureInfo.InvariantCulture) : "none",
                s.SlmShare.ToString("P1", CultureInfo.InvariantCulture),
                s.P50LatencyMs.ToString(CultureInfo.InvariantCulture),
                s.MeanTokens.ToString("0", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
