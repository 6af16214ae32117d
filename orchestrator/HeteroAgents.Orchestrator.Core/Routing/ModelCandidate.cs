namespace HeteroAgents.Orchestrator.Routing;

/// <summary>A model registered for one workload and task type (<c>hetero models register</c>).</summary>
/// <param name="Id">The candidate id, <c>&lt;workload&gt;/&lt;task&gt;/&lt;n&gt;</c>.</param>
/// <param name="Model">The model: a folder or GGUF file, or a model id of the OpenAI-compatible server.</param>
/// <param name="Workload">The workload.</param>
/// <param name="Task">The task type's wire name.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="Status"><c>candidate</c>, <c>promoted</c>, <c>refused</c> or <c>rolled_back</c>.</param>
/// <param name="Eval">Its last comparison with the model in force, when evaluated.</param>
/// <param name="PromotedVersion">The policy version that put it in force, once promoted.</param>
public sealed record ModelCandidate(string Id, string Model, string Workload, string Task, DateTimeOffset RegisteredAt, string Status, CandidateEval? Eval = null, string? PromotedVersion = null);
