using System.Security.Cryptography;
using System.Text;

namespace HeteroAgents.Contracts;

/// <summary>
/// Deterministic task identifiers. A task's id is derived from its batch id and the caller's
/// <c>custom_id</c>, so re-submitting or redelivering the same task always yields the same id:
/// it is the idempotency key for result storage (first write wins).
/// </summary>
public static class TaskIds
{
    /// <summary>Creates the deterministic id (a name-based UUID, version 5 layout over SHA-256) of a task.</summary>
    public static Guid Create(string batchId, string customId)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentNullException.ThrowIfNull(customId);
        // Length-prefix the batch id so that ("ab","c") and ("a","bc") differ.
        var text = $"{batchId.Length}:{batchId}\n{customId}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        Span<byte> bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5 (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
