using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// One supervised fine-tuning example in the chat format TRL (<c>SFTTrainer</c>, "conversational" datasets),
/// Unsloth and Axolotl (<c>type: chat_template</c>) read: <c>{"messages":[{"role":"system","content":"..."},
/// {"role":"user","content":"..."},{"role":"assistant","content":"..."}]}</c>, one per line. The last message is the
/// frontier model's answer, the training target.
/// </summary>
/// <param name="Messages">The conversation: the logged prompt, then the answer.</param>
public sealed record ChatJsonlExample(IReadOnlyList<ChatJsonlMessage> Messages)
{
    /// <summary>The roles an example may contain.</summary>
    public static IReadOnlySet<string> Roles { get; } = new HashSet<string>(StringComparer.Ordinal) { "system", "user", "assistant" };

    /// <summary>Serializes to one JSON line.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, HeteroJson.Options);

    /// <summary>
    /// The example for a logged call, or null with <paramref name="skipReason"/> when the call is not usable: it is an
    /// escalation record without a frontier answer (<c>unresolved_escalation</c>), it failed,
    /// has no answer, uses a role other than system/user/assistant, or asked for JSON and got an answer that does not parse.
    /// </summary>
    public static ChatJsonlExample? FromRecord(FrontierCallRecord record, out string? skipReason)
    {
        ArgumentNullException.ThrowIfNull(record);
        skipReason = record switch
        {
            { Status: FrontierCallStatus.Escalated } => "unresolved_escalation",
            { Status: FrontierCallStatus.Failed } => "failed_call",
            { Output: null or "" } => "no_output",
            _ when record.Messages.Any(m => !Roles.Contains(m.Role)) => "unsupported_role",
            _ when !record.Messages.Any(m => m.Role == LoggedMessage.UserRole) => "no_user_message",
            _ when record.ResponseSchema is { ValueKind: not JsonValueKind.Null } && CanonicalJson.TryCanonicalize(record.Output) is null => "output_not_json",
            _ => null,
        };
        if (skipReason is not null)
        {
            return null;
        }

        return new ChatJsonlExample([
            .. record.Messages.Select(m => new ChatJsonlMessage(m.Role, m.Content)),
            new ChatJsonlMessage(LoggedMessage.AssistantRole, record.Output!.Trim()),
        ]);
    }
}
