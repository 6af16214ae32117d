using HeteroAgents.Contracts;
using HeteroAgents.Worker.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Prompts;

/// <summary>
/// In-context examples (issue 12, item 3): the scrubbed frontier answers of <see cref="RoutingOptions.ExamplesFile"/>,
/// per workload and task type; for a task whose policy rule asks for <c>examples: k</c>, the k examples of its workload
/// most similar to its text (<see cref="MinHasher"/> over word shingles, the clustering's) go into the prompt after the
/// system message as user/assistant pairs written like the task's own user message. An example whose text equals the
/// task's is never chosen. Read once at start; validated by <see cref="RoutingOptionsValidator"/>.
/// </summary>
public sealed class InContextExamples
{
    private readonly MinHasher _hasher = new(64, 3, 12);
    private readonly Dictionary<(string Workload, TaskType Type), List<(InContextExample Example, ulong[] Signature)>> _byWorkload = [];

    /// <summary>Loads the configured file (none: no examples).</summary>
    public InContextExamples(IOptions<RoutingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.ExamplesFile is { Length: > 0 } path)
        {
            foreach (var example in Read(path))
            {
                var key = (example.Workload, TaskTypes.TryParse(example.Task, out var t) ? t.Value : TaskType.Classify);
                if (!_byWorkload.TryGetValue(key, out var list))
                {
                    _byWorkload[key] = list = [];
                }

                list.Add((example, _hasher.Signature(example.Material)));
            }
        }
    }

    /// <summary>How many examples are loaded.</summary>
    public int Count => _byWorkload.Values.Sum(l => l.Count);

    /// <summary>Reads an examples file; throws <see cref="FormatException"/> naming the file and line at fault.</summary>
    public static IReadOnlyList<InContextExample> Read(string path)
    {
        var examples = new List<InContextExample>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                examples.Add(InContextExample.Parse(line, $"{path}:{number}"));
            }
        }

        return examples;
    }

    /// <summary>The text of <paramref name="task"/> that examples are matched on.</summary>
    public static string MaterialOf(ITaskMessage task) => task switch
    {
        ClassifyTask t => t.Input.Text,
        ExtractTask t => t.Input.Text,
        ToolCallTask t => t.Input.Request,
        SummarizeTask t => t.Input.Text,
        _ => string.Empty,
    };

    /// <summary><paramref name="prompt"/> with up to <paramref name="count"/> examples for <paramref name="task"/> after its system messages.</summary>
    public IReadOnlyList<ChatMessage> Apply(IReadOnlyList<ChatMessage> prompt, ITaskMessage task, int count)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(task);
        if (count <= 0 || task.WorkloadId is not { } workload || !_byWorkload.TryGetValue((workload, task.Type), out var candidates))
        {
            return prompt;
        }

        var material = MaterialOf(task);
        var signature = _hasher.Signature(material);
        var chosen = candidates
            .Where(c => !string.Equals(c.Example.Material, material, StringComparison.Ordinal))
            .Select((c, i) => (c.Example, Similarity: MinHasher.Similarity(signature, c.Signature), Order: i))
            .OrderByDescending(c => c.Similarity).ThenBy(c => c.Order)
            .Take(count)
            .ToList();
        if (chosen.Count == 0)
        {
            return prompt;
        }

        var (open, close) = task.Type == TaskType.ToolCall ? (PromptTags.RequestOpen, PromptTags.RequestClose) : (PromptTags.TextOpen, PromptTags.TextClose);
        var system = prompt.TakeWhile(m => m.Role == ChatRole.System).ToList();
        var messages = new List<ChatMessage>(system);
        foreach (var (example, _, _) in chosen)
        {
            messages.Add(new ChatMessage(ChatRole.User, "Example.\n" + PromptTags.Wrap(open, example.Material, close)));
            messages.Add(new ChatMessage(ChatRole.Assistant, example.Answer));
        }

        messages.AddRange(prompt.Skip(system.Count));
        return messages;
    }
}
