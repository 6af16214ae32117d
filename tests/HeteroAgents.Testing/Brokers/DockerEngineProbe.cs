using Docker.DotNet;

namespace HeteroAgents.Testing.Brokers;

/// <summary>Asks the local Docker engine (found as the <c>docker</c> CLI finds it: <c>DOCKER_HOST</c>, the current context, the default socket or pipe) for a ping.</summary>
public static class DockerEngineProbe
{
    /// <summary>True when a Docker engine answers a ping within a few seconds.</summary>
    public static bool Answers()
    {
        try
        {
            using var client = new DockerClientBuilder().Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            client.System.PingAsync(timeout.Token).GetAwaiter().GetResult();
            return true;
        }
#pragma warning disable CA1031 // Any failure to reach the engine means "no Docker here".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
