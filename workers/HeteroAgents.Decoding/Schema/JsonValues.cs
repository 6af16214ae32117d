using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding.Schema;

/// <summary>JSON value equality as JSON Schema defines it (member order, number spelling and string escapes do not matter).</summary>
internal static class JsonValues
{
    public static bool Equal(byte[] a, byte[] b) =>
        a.AsSpan().SequenceEqual(b) || (CanonicalJson.Of(a) is { } ca && string.Equals(ca, CanonicalJson.Of(b), StringComparison.Ordinal));
}
