using System.Security.Cryptography;

namespace HeteroAgents.Worker.Routing;

/// <summary>
/// Picks the completed answers to audit: a task is picked when a hash of its id falls in the lowest
/// <c>audit_share</c> of the range, so the same task is picked (or not) on every redelivery and by every worker.
/// </summary>
public static class AuditSampler
{
    /// <summary>Whether the task <paramref name="taskId"/> is in the audited <paramref name="share"/> (0 never, 1 always).</summary>
    public static bool Picks(Guid taskId, double share)
    {
        if (share <= 0)
        {
            return false;
        }

        if (share >= 1)
        {
            return true;
        }

        Span<byte> id = stackalloc byte[16];
        taskId.TryWriteBytes(id);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(id, hash);
        return BitConverter.ToUInt64(hash) / (double)ulong.MaxValue < share;
    }
}
