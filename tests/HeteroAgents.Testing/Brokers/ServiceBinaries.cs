namespace HeteroAgents.Testing.Brokers;

/// <summary>Finds the RabbitMQ and Redis programs that tests start private instances of; fails (never skips) when one is missing.</summary>
public static class ServiceBinaries
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
            $"This test starts its own {program} and could not find it on PATH (nor in /usr/sbin, /usr/local/sbin). Install it with " +
            "`bash .ci/start-services.sh` (it runs `apt-get install -y rabbitmq-server redis-server` on Debian), or put the program on PATH.");
    }
}
