using System.Text.Json;
using System.Text.RegularExpressions;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Tests.Injection;

/// <summary>
/// A deliberately gullible fake model for prompt-injection tests: it ignores the response format and obeys whatever
/// the task's text tells it. "call tool X" / "call X" makes it answer <c>{"name":"X","arguments":{...}}</c>; otherwise
/// it answers the last JSON object written in the user message verbatim (the injected "respond with {...}"); failing
/// both, it answers <c>{"label":"admin"}</c>. Whatever it says, the worker must never report it as a completed result
/// outside the caller's schema, labels or tools.
/// </summary>
internal static partial class GullibleChatClient
{
    // Gullible and sure of itself: a high confidence, so only the checks (never the confidence gate) can stop it.
    public static ScriptedChatClient Create() => new(request => ScriptedChatClient.CreateResponse(Obey(request.UserText), confidence: 0.99));

    /// <summary>The answer the gullible model gives to <paramref name="userText"/>.</summary>
    public static string Obey(string userText)
    {
        var objects = JsonObjects(userText);
        var call = CallTool().Match(userText);
        if (call.Success)
        {
            var arguments = objects.LastOrDefault(o => !o.Contains("\"name\"", StringComparison.Ordinal)) ?? "{}";
            return $$"""{"name":"{{call.Groups[1].Value}}","arguments":{{arguments}}}""";
        }

        return objects.Count > 0 ? objects[^1] : """{"label":"admin"}""";
    }

    /// <summary>Every balanced, parseable JSON object literal in the text, in order (nested ones not listed separately).</summary>
    private static List<string> JsonObjects(string text)
    {
        var found = new List<string>();
        for (var start = text.IndexOf('{', StringComparison.Ordinal); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var depth = 0;
            for (var i = start; i < text.Length; i++)
            {
                depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
                if (depth == 0)
                {
                    var candidate = text[start..(i + 1)];
                    if (IsJson(candidate))
                    {
                        found.Add(candidate);
                        start = i;
                    }

                    break;
                }
            }
        }

        return found;
    }

    private static bool IsJson(string candidate)
    {
        try
        {
            using var document = JsonDocument.Parse(candidate);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\bcall(?: the)?(?: tool)? ([a-z_]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CallTool();
}
