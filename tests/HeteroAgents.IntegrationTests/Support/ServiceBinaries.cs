namespace HeteroAgents.IntegrationTests.Support;

/// <summary>Finds the RabbitMQ and Redis server programs the fault tests start their own instances of; fails (never skips) when one is missing.</summary>
internal static class ServiceBinaries
{
    /// <summary>The full path of <paramref name="program"/> on PATH (or in /usr/sbin, where Debian puts rabbitmq-server), or a failure saying how to install it.</summary>
    public static string Require(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/usr/local/sbin"))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The fault-injection tests start their own {program} and could not find it on PATH. Install it with " +
            "`bash .ci/start-services.sh` (it runs `apt-get install -y rabbitmq-server redis-server` on Debian), or put the program on PATH.");
    }
}
