using HeteroAgents.Contracts;
using HeteroAgents.Worker.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Prompts;

/// <summary>
/// In-context examples (issue 12, item 3): the scrubbed frontier answers of <see cref="RoutingOptions.ExamplesFile"/>,
/// per workload and task type; for a task whose policy rule asks for <c>examples: k</c>, the k examples of its workload
/// most similar to its text (<see cref="MinHasher"/> over word shingles, the clustering's) go into the prompt after the
/// system message as user/assistant pairs written like the task's own user message. An example whose text equals the
/// task's is never chosen. Read at start (validated by <see cref="RoutingOptionsValidator"/>, so a bad file stops the
/// worker) and re-read by <see cref="RoutingPolicyReloader"/> when the file changes (its time or length): a new valid
/// file replaces the examples at once, so <c>hetero flywheel examples</c> reaches a running fleet; an unreadable or
/// invalid one is logged and the current examples kept. Thread-safe.
/// </summary>
public sealed partial class InContextExamples
{
    private readonly MinHasher _hasher = new(64, 3, 12);
    private readonly string? _path;
    private readonly ILogger<InContextExamples> _logger;
    private Snapshot _snapshot = new([], default);
    private FileStamp? _rejected;

    /// <summary>Loads the configured file (none: no examples).</summary>
    public InContextExamples(IOptions<RoutingOptions> options, ILogger<InContextExamples>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? NullLogger<InContextExamples>.Instance;
        if (options.Value.ExamplesFile is { Length: > 0 } path)
        {
            _path = path;
            var stamp = FileStamp.Of(path);
            _snapshot = new Snapshot(Index(Read(path)), stamp);
        }
    }

    /// <summary>How many examples are loaded.</summary>
    public int Count => Volatile.Read(ref _snapshot).Count;

    /// <summary>Whether a file is configured (so there is something to reload).</summary>
    public bool CanReload => _path is not null;

    /// <summary>Re-reads the file when it changed; returns true when new examples replaced the current ones.</summary>
    public bool Reload()
    {
        if (_path is null)
        {
            return false;
        }

        var current = Volatile.Read(ref _snapshot);
        FileStamp stamp;
        try
        {
            stamp = FileStamp.Of(_path);
        }
        catch (IOException ex)
        {
            LogRejected(_path, current.Count, ex.Message);
            return false;
        }

        if (stamp == current.Stamp || stamp == _rejected)
        {
            return false; // unchanged, or the same bad file already reported
        }

        try
        {
            var snapshot = new Snapshot(Index(Read(_path)), stamp);
            Volatile.Write(ref _snapshot, snapshot);
            LogReloaded(_path, snapshot.Count);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            _rejected = stamp;
            LogRejected(_path, current.Count, ex.Message);
            return false;
        }
    }

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
        if (count <= 0 || task.WorkloadId is not { } workload || !Volatile.Read(ref _snapshot).ByWorkload.TryGetValue((workload, task.Type), out var candidates))
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

    private Dictionary<(string Workload, TaskType Type), List<(InContextExample Example, ulong[] Signature)>> Index(IReadOnlyList<InContextExample> examples)
    {
        var byWorkload = new Dictionary<(string Workload, TaskType Type), List<(InContextExample Example, ulong[] Signature)>>();
        foreach (var example in examples)
        {
            var key = (example.Workload, TaskTypes.TryParse(example.Task, out var t) ? t.Value : TaskType.Classify);
            if (!byWorkload.TryGetValue(key, out var list))
            {
                byWorkload[key] = list = [];
            }

            list.Add((example, _hasher.Signature(example.Material)));
        }

        return byWorkload;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "In-context examples reloaded from {Path}: {Count} examples")]
    private partial void LogReloaded(string path, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "In-context examples file {Path} not loaded ({Reason}); the {Count} examples in force stay")]
    private partial void LogRejected(string path, int count, string reason);

    private sealed record Snapshot(Dictionary<(string Workload, TaskType Type), List<(InContextExample Example, ulong[] Signature)>> ByWorkload, FileStamp? Stamp)
    {
        public int Count { get; } = ByWorkload.Values.Sum(l => l.Count);
    }

    private readonly record struct FileStamp(DateTime WrittenUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : throw new FileNotFoundException("the file does not exist", path);
        }
    }
}
