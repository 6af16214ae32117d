using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Routing;

/// <summary>The registered model candidates, kept next to the routing policy (<see cref="IRoutingPolicyStore"/>) as one JSON document.</summary>
public sealed class ModelCandidates
{
    private readonly List<ModelCandidate> _items;

    private ModelCandidates(List<ModelCandidate> items) => _items = items;

    /// <summary>Every candidate, oldest first.</summary>
    public IReadOnlyList<ModelCandidate> Items => _items;

    /// <summary>Reads the document (null: none yet); throws <see cref="FormatException"/> naming <paramref name="source"/> when it is not valid.</summary>
    public static ModelCandidates Read(string? json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new([]);
        }

        try
        {
            return new(JsonSerializer.Deserialize<List<ModelCandidate>>(json, HeteroJson.Options) ?? []);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: the model candidates document is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Loads the candidates of <paramref name="store"/>.</summary>
    public static async Task<ModelCandidates> LoadAsync(IRoutingPolicyStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Read(await store.ReadCandidatesAsync(cancellationToken).ConfigureAwait(false), store.Name + " (models)");
    }

    /// <summary>Registers <paramref name="model"/> for <paramref name="workload"/> and <paramref name="type"/>; returns the new candidate.</summary>
    public ModelCandidate Register(string model, string workload, TaskType type, DateTimeOffset at)
    {
        var n = _items.Count(c => c.Workload == workload && c.Task == type.ToWireName()) + 1;
        var candidate = new ModelCandidate(string.Create(CultureInfo.InvariantCulture, $"{workload}/{type.ToWireName()}/{n}"), model, workload, type.ToWireName(), at, "candidate");
        _items.Add(candidate);
        return candidate;
    }

    /// <summary>
    /// The candidate <paramref name="id"/>, or else the newest one still a candidate (of <paramref name="workload"/> and
    /// <paramref name="task"/> when given); throws <see cref="ArgumentException"/> saying what is registered when there is none.
    /// </summary>
    public ModelCandidate Find(string? id, string? workload, string? task)
    {
        var found = id is not null
            ? _items.LastOrDefault(c => c.Id == id)
            : _items.LastOrDefault(c => c.Status == "candidate" && (workload is null || c.Workload == workload) && (task is null || c.Task == task));
        if (found is not null)
        {
            return found;
        }

        var known = _items.Count == 0 ? "none is registered (hetero models register <dir|model> --workload W --task T)"
            : "registered: " + string.Join(", ", _items.Select(c => $"{c.Id} ({c.Status})"));
        throw new ArgumentException(id is not null ? $"no candidate '{id}'; {known}" : $"no open candidate{(workload is null ? string.Empty : $" for workload '{workload}'")}{(task is null ? string.Empty : $" and task '{task}'")}; {known}");
    }

    /// <summary>Replaces the candidate with the same id.</summary>
    public void Update(ModelCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var index = _items.FindIndex(c => c.Id == candidate.Id);
        _items[index >= 0 ? index : throw new ArgumentException($"no candidate '{candidate.Id}'")] = candidate;
    }

    /// <summary>The document.</summary>
    public string ToJson() => JsonSerializer.Serialize(_items, new JsonSerializerOptions(HeteroJson.Options) { WriteIndented = true });
}
