using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Compares an SLM answer with the frontier answer for one task (S6). Canonically equal JSON always agrees.
/// Otherwise, per task type: classify — the <c>label</c> values are equal (ignoring case and surrounding space);
/// tool_call — the tool <c>name</c> and the canonical <c>arguments</c> are equal; extract — every top-level field is
/// canonically equal (the share of equal fields is reported); summarize — reported but not counted; other tasks —
/// canonical equality, or exact text equality for non-JSON answers.
/// </summary>
public static class AnswerComparer
{
    /// <summary>Compares <paramref name="slm"/> with <paramref name="frontier"/> for <paramref name="taskType"/> (a wire name or null).</summary>
    public static AnswerComparison Compare(string? taskType, string? frontier, string? slm)
    {
        var type = TaskTypes.TryParse(taskType, out var t) ? t : null;
        var counted = type != TaskType.Summarize;
        var frontierCanon = CanonicalJson.TryCanonicalize(frontier);
        var slmCanon = CanonicalJson.TryCanonicalize(slm);
        if (frontierCanon is not null && frontierCanon == slmCanon)
        {
            return new AnswerComparison(counted, true, type == TaskType.Extract ? 1 : null, "");
        }

        if (frontierCanon is null)
        {
            var same = string.Equals(frontier?.Trim(), slm?.Trim(), StringComparison.Ordinal);
            return new AnswerComparison(counted, same, null, same ? "" : "text differs");
        }

        if (slmCanon is null)
        {
            return new AnswerComparison(counted, false, type == TaskType.Extract ? 0 : null, "the SLM answer is not JSON");
        }

        using var f = JsonDocument.Parse(frontier!);
        using var s = JsonDocument.Parse(slm!);
        return type == TaskType.Classify ? Classify(f.RootElement, s.RootElement)
            : type == TaskType.ToolCall ? ToolCall(f.RootElement, s.RootElement)
            : type == TaskType.Extract ? Extract(f.RootElement, s.RootElement)
            : type == TaskType.Summarize ? new AnswerComparison(false, false, null, "summaries differ (not counted)")
            : new AnswerComparison(true, false, null, "JSON differs");
    }

    private static AnswerComparison Classify(JsonElement frontier, JsonElement slm)
    {
        var a = StringProperty(frontier, "label");
        var b = StringProperty(slm, "label");
        var agree = a is not null && string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
        return new AnswerComparison(true, agree, null, agree ? "" : $"label '{b}' instead of '{a}'");
    }

    private static AnswerComparison ToolCall(JsonElement frontier, JsonElement slm)
    {
        var a = StringProperty(frontier, "name");
        var b = StringProperty(slm, "name");
        if (a is null || !string.Equals(a, b, StringComparison.Ordinal))
        {
            return new AnswerComparison(true, false, null, $"tool '{b}' instead of '{a}'");
        }

        var argsA = Property(frontier, "arguments") is { } x ? CanonicalJson.Canonicalize(x) : null;
        var argsB = Property(slm, "arguments") is { } y ? CanonicalJson.Canonicalize(y) : null;
        var agree = argsA == argsB;
        return new AnswerComparison(true, agree, null, agree ? "" : $"arguments {argsB} instead of {argsA}");
    }

    private static AnswerComparison Extract(JsonElement frontier, JsonElement slm)
    {
        if (frontier.ValueKind != JsonValueKind.Object || slm.ValueKind != JsonValueKind.Object)
        {
            return new AnswerComparison(true, false, 0, "not both objects");
        }

        var names = frontier.EnumerateObject().Select(p => p.Name).Union(slm.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal).ToList();
        var differing = names.Where(n =>
            (Property(frontier, n) is { } a ? CanonicalJson.Canonicalize(a) : "null") != (Property(slm, n) is { } b ? CanonicalJson.Canonicalize(b) : "null")).ToList();
        var share = names.Count == 0 ? 1 : (double)(names.Count - differing.Count) / names.Count;
        return new AnswerComparison(true, differing.Count == 0, share, differing.Count == 0 ? "" : "fields differ: " + string.Join(", ", differing));
    }

    private static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : null;

    private static string? StringProperty(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
