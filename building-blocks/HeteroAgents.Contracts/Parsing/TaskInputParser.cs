using System.Text.Json;
using System.Text.Unicode;

namespace HeteroAgents.Contracts;

/// <summary>
/// Turns one batch input line (<c>{"custom_id":"t1","task":"classify","input":{...}}</c>, UTF-8) into a typed
/// task with its deterministic <see cref="TaskIds">TaskId</see>, or into a <see cref="TaskError"/> that names
/// the line, the field and the cause. Checks everything that can be checked per line; duplicate
/// <c>custom_id</c>s span lines and are the caller's job (see <see cref="TaskErrorCodes.DuplicateCustomId"/>).
/// Thread-safe; shared by the batch orchestrator and the SK plugins.
/// </summary>
public sealed class TaskInputParser
{
    // A repeated member ("task":"classify","task":"tool_call") is refused: parsers disagree on which one wins.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128, AllowDuplicateProperties = false };
    private readonly TaskInputParserOptions _options;
    private readonly TaskInputRules _rules;
    private readonly TaskKindRegistry _kinds;

    /// <summary>Creates a parser with the given limits, reading the kinds of <paramref name="kinds"/> (default <see cref="TaskKindRegistry.Default"/>).</summary>
    public TaskInputParser(TaskInputParserOptions options, TaskKindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _kinds = kinds ?? TaskKindRegistry.Default;
        _rules = new TaskInputRules(options.ToLimits(), JsonSchemaCache.Shared);
    }

    /// <summary>The limits this parser applies.</summary>
    public TaskInputParserOptions Options => _options;

    /// <summary>Parses one line (without its line terminator).</summary>
    /// <param name="utf8Line">The line's bytes.</param>
    /// <param name="line">The 1-based line number, used in error messages.</param>
    /// <param name="batchId">The batch the task belongs to (part of its TaskId).</param>
    public TaskParseResult Parse(ReadOnlyMemory<byte> utf8Line, long line, string batchId)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        if (utf8Line.Length > _options.MaxLineBytes)
        {
            return Fail(line, TaskErrorCodes.LineTooLong, null,
                $"line {line} has {utf8Line.Length:N0} bytes; the limit is {_options.MaxLineBytes:N0} (Hetero:Batch:MaxLineBytes)");
        }

        if (!Utf8.IsValid(utf8Line.Span))
        {
            var offset = FirstInvalidUtf8Offset(utf8Line.Span);
            return Fail(line, TaskErrorCodes.InvalidUtf8, null, $"line {line} is not valid UTF-8 (first bad byte at offset {offset})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Line, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var position = ex.BytePositionInLine is { } p ? $" at byte {p + 1}" : string.Empty;
            return Fail(line, TaskErrorCodes.MalformedJson, null, $"line {line}: malformed JSON{position}: {FirstSentence(ex.Message)}");
        }
        catch (InvalidOperationException ex)
        {
            // The duplicate-member check unescapes member names; one escaping an unpaired surrogate cannot be read.
            return Fail(line, TaskErrorCodes.MalformedJson, null, $"line {line}: malformed JSON: a member name is not valid Unicode text: {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            try
            {
                return ParseDocument(document.RootElement, line, batchId);
            }
            catch (InvalidOperationException) when (InvalidTextFinder.Find(document.RootElement) is { } field)
            {
                // Valid JSON can escape half a surrogate pair ("\ud800"), which no .NET string can hold: fail this line, not the batch.
                return Fail(line, TaskErrorCodes.InvalidInput, field,
                    $"line {line}: {field} is not valid Unicode text (it escapes an unpaired surrogate such as \\ud800)");
            }
        }
    }

    private TaskParseResult ParseDocument(JsonElement root, long line, string batchId)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(line, TaskErrorCodes.InvalidLine, "$", $"line {line}: must be a JSON object, not {JsonValues.Kind(root)}");
        }

        string? customId = null;
        if (root.TryGetProperty("custom_id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
        {
            customId = idElement.GetString();
        }

        if (string.IsNullOrEmpty(customId))
        {
            var got = idElement.ValueKind == JsonValueKind.Undefined ? "it is missing" : $"got {JsonValues.Describe(idElement)}";
            return Fail(line, TaskErrorCodes.MissingCustomId, "custom_id", $"line {line}: custom_id must be a non-empty string; {got}");
        }

        if (!root.TryGetProperty("task", out var taskElement) || taskElement.ValueKind != JsonValueKind.String)
        {
            var got = taskElement.ValueKind == JsonValueKind.Undefined ? "it is missing" : $"got {JsonValues.Describe(taskElement)}";
            return Fail(line, TaskErrorCodes.MissingTask, "task",
                $"line {line}: task must be one of {_kinds.Names}; {got}", customId);
        }

        if (!_kinds.TryGet(taskElement.GetString(), out var kind))
        {
            return Fail(line, TaskErrorCodes.UnknownTask, "task",
                $"line {line}: unknown task \"{taskElement.GetString()}\"; expected one of {_kinds.Names}", customId);
        }

        foreach (var member in root.EnumerateObject())
        {
            if (member.Name is not ("custom_id" or "task" or "input" or "workload"))
            {
                return Fail(line, TaskErrorCodes.InvalidLine, member.Name,
                    $"line {line}: unknown field '{member.Name}' (expected: custom_id, task, input, workload)", customId);
            }
        }

        string? workload = null;
        if (root.TryGetProperty("workload", out var workloadElement))
        {
            workload = workloadElement.ValueKind == JsonValueKind.String ? workloadElement.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(workload))
            {
                return Fail(line, TaskErrorCodes.InvalidLine, "workload",
                    $"line {line}: workload must be a non-empty string (the routing policy's workload id); got {JsonValues.Describe(workloadElement)}", customId);
            }
        }

        try
        {
            var input = InputFields.RequireObject(root, string.Empty, "input");
            var task = kind.ReadTask(TaskIds.Create(batchId, customId), batchId, customId, input, workload);
            return _rules.FirstProblem(task) is { } problem
                ? TaskParseResult.Failure(line, problem.ToTaskError(line), customId, kind.Type)
                : TaskParseResult.Success(line, task);
        }
        catch (InputShapeException ex)
        {
            return TaskParseResult.Failure(line, new TaskError(ex.Code, $"line {line}: {ex.Message}", line, ex.Field), customId, kind.Type);
        }
    }

    private static TaskParseResult Fail(long line, string code, string? field, string message, string? customId = null) =>
        TaskParseResult.Failure(line, new TaskError(code, message, line, field), customId);

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[256];
        var consumedTotal = 0;
        while (!bytes.IsEmpty)
        {
            var status = Utf8.ToUtf16(bytes, scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return consumedTotal + read;
            }

            consumedTotal += read;
            bytes = bytes[read..];
            if (status == System.Buffers.OperationStatus.Done)
            {
                break;
            }
        }

        return consumedTotal;
    }
}
