using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HeteroAgents.Flywheel;

/// <summary>
/// The deterministic train/eval split: a record is held out for evaluation when the first 8 bytes of the
/// SHA-256 of its id, read as a fraction of 2^64, fall below the eval fraction. Export (S4) and eval (S6) use
/// the same rule, so eval never replays a training example.
/// </summary>
public static class DatasetSplit
{
    /// <summary>The default share of records held out for evaluation: 10%.</summary>
    public const double DefaultEvalFraction = 0.1;

    /// <summary>Whether the record with <paramref name="recordId"/> belongs to the eval split.</summary>
    public static bool IsEval(string recordId, double evalFraction = DefaultEvalFraction)
    {
        ArgumentNullException.ThrowIfNull(recordId);
        if (evalFraction is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(evalFraction), evalFraction, "The eval fraction must be in [0, 1].");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(recordId), hash);
        var position = BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0;
        return position < evalFraction;
    }
}
