using System.Net;

namespace HeteroAgents.Security;

/// <summary>Whether a host name means this machine: <c>localhost</c>, 127.0.0.0/8 or <c>::1</c>.</summary>
public static class LoopbackHost
{
    /// <summary>True for <c>localhost</c> (and <c>*.localhost</c>), any 127.x.y.z address and <c>::1</c>; false for every other name, which may resolve anywhere.</summary>
    public static bool IsLoopback(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        var name = host.Trim().TrimStart('[').TrimEnd(']');
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address);
    }
}
