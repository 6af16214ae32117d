using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Confidence;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Prompts;
using HeteroAgents.Worker.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Pipeline;

/// <summary>
/// Runs one task through the worker pipeline and returns exactly one outcome: contract version → input shape →
/// input size → prompt → model (result schema as response format) → parse → schema validation → semantic and grounding
/// checks → confidence gate (routing policy) → <see cref="TaskCompleted"/>, or the <see cref="TaskEscalated"/> / <see cref="TaskFailed"/> of the first
/// stage that fails. The only exceptions it lets out are transient backend failures while retries remain
/// (<c>finalAttempt</c> false in <see cref="ProcessAsync"/>) and cancellation of the caller's token.
/// </summary>
/// <typeparam name="TTask">The task message type.</typeparam>
public sealed partial class TaskProcessor<TTask>(
    TaskInputRules inputRules,
    IPromptBuilder<TTask> promptBuilder,
    TaskResultValidator resultValidator,
    TaskConfidenceEstimator confidenceEstimator,
    ConfidenceGate confidenceGate,
    RoutingPolicyProvider policies,
    SlmModelClients slmClients,
    InContextExamples examples,
    IOptions<WorkerOptions> workerOptions,
    IOptions<SlmOptions> slmOptions,
    TimeProvider timeProvider,
    ILogger<TaskProcessor<TTask>> logger)
    where TTask : class, ITaskMessage
{
    /// <summary>Processes <paramref name="task"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="finalAttempt">When false, transient backend failures are thrown (so the endpoint retries); when true they escalate.</param>
    /// <param name="cancellationToken">Cancels the work (e.g. on shutdown); the task is then redelivered.</param>
    public async Task<ITaskOutcome> ProcessAsync(TTask task, bool finalAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var started = timeProvider.GetTimestamp();
        // The policy in force when the task starts names the model (a reload while it runs applies to the next task).
        var rule = policies.Current.Resolve(task.WorkloadId, task.Type);
        var (chatClient, servedBy) = slmClients.For(rule.Model);
        var outcome = new TaskOutcomeBuilder(task, servedBy, () => (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
        try
        {
            return await RunAsync(task, outcome, chatClient, rule.Examples, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ChatBackendException ex) when (ex.IsTransient && !finalAttempt)
        {
            LogTransient(task.TaskId, ex.Message);
            throw;
        }
        catch (ChatBackendException ex)
        {
            return outcome.Escalated(EscalationReason.BackendError, ex.Message);
        }
        catch (ModelInputTooLargeException ex)
        {
            return outcome.Escalated(EscalationReason.InputTooLarge, ex.Message);
        }
#pragma warning disable CA1031 // Every failure must end in an outcome; an unexpected one is reported as a backend error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(ex, task.TaskId);
            return outcome.Escalated(EscalationReason.BackendError, $"worker error: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<ITaskOutcome> RunAsync(TTask task, TaskOutcomeBuilder outcome, IChatClient chatClient, int exampleCount, CancellationToken cancellationToken)
    {
        // Every escalation echoes the policy in force; after the model call, with the answer's confidence.
        outcome.Routing = confidenceGate.Decide(task, ConfidenceEstimate.Unknown).Routing;
        if (!ContractVersion.IsSupported(task.SchemaVersion))
        {
            return outcome.Escalated(EscalationReason.UnsupportedSchemaVersion, string.Create(CultureInfo.InvariantCulture,
                $"schema_version {task.SchemaVersion} is not served by this worker (supported: {ContractVersion.MinimumSupported}..{ContractVersion.Current})"));
        }

        if (inputRules.FirstProblem(task) is { } inputProblem)
        {
            return outcome.Failed(inputProblem.ToTaskError());
        }

        var size = outcome.Input.GetRawText().Length;
        var limit = workerOptions.Value.MaxInputChars;
        if (size > limit)
        {
            return outcome.Escalated(EscalationReason.InputTooLarge, string.Create(CultureInfo.InvariantCulture,
                $"input is {size} characters of JSON; this worker serves at most {limit} (Hetero:Worker:MaxInputChars)"));
        }

        // The schema is built and serialized once: the response format and the validation share the text.
        var schema = ResultSchemas.ToJsonString(ResultSchemas.For(task));
        var slm = slmOptions.Value;
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(
                JsonSerializer.Deserialize<JsonElement>(schema), "hetero_" + task.Type.ToWireName() + "_result", "The task's result."),
            Temperature = slm.Temperature,
            MaxOutputTokens = slm.MaxOutputTokens,
        };

        var prompt = examples.Apply(promptBuilder.Build(task), task, exampleCount);
        var response = await chatClient.GetResponseAsync(prompt, chatOptions, cancellationToken).ConfigureAwait(false);
        var raw = response.Text;
        var usage = new TaskUsage(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
        var parsed = ResultParser.TryParse(raw, out var result, out var parseError);
        var estimate = confidenceEstimator.Estimate(task, response, parsed ? result : null);
        var confidence = estimate.Value;
        var gate = confidenceGate.Decide(task, estimate);
        outcome.Routing = gate.Routing;
        if (!parsed)
        {
            return outcome.Escalated(EscalationReason.SchemaInvalid, parseError!, raw, confidence, usage);
        }

        var validation = resultValidator.Validate(task, result, schema);
        var schemaErrors = validation.SchemaErrors;
        var semanticProblem = validation.Problem;
        if (schemaErrors.Count > 0)
        {
            // The semantic check, when it also fails, names the problem more precisely than the schema's error list.
            var detail = semanticProblem is not null
                ? $"result does not match the result schema: {semanticProblem}"
                : $"result does not match the result schema: {string.Join("; ", schemaErrors)}";
            return outcome.Escalated(EscalationReason.SchemaInvalid, detail, raw, confidence, usage);
        }

        if (semanticProblem is not null)
        {
            return outcome.Escalated(EscalationReason.SemanticInvalid, semanticProblem.ToString(), raw, confidence, usage);
        }

        if (gate.Escalate)
        {
            return outcome.Escalated(EscalationReason.LowConfidence, gate.Detail!, raw, confidence, usage);
        }

        return outcome.Completed(result, confidence, usage);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: transient backend failure, will retry: {Reason}")]
    private partial void LogTransient(Guid taskId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId}: unexpected worker failure; escalating with backend_error")]
    private partial void LogUnexpected(Exception exception, Guid taskId);
}
