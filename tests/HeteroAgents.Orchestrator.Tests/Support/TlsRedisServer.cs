using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HeteroAgents.Testing.Tls;

namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>
/// A dedicated real <c>redis-server</c> listening only on a TLS port of 127.0.0.1, with a certificate from a throw-away
/// CA, AUTH required and optionally client certificates required; data in a temporary folder. Needs the
/// <c>redis-server</c> that <c>.ci/start-services.sh</c> installs (Debian's build supports TLS).
/// </summary>
public sealed class TlsRedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private TlsRedisServer(Process process, DirectoryInfo directory, int port, string caPath, string clientCertPath, string clientKeyPath, TestCertificateAuthority ca)
    {
        _process = process;
        Directory = directory;
        Port = port;
        CaPath = caPath;
        ClientCertificatePath = clientCertPath;
        ClientKeyPath = clientKeyPath;
        Authority = ca;
    }

    public const string Password = "Tls-Redis-Test-Password-3d9";

    public DirectoryInfo Directory { get; }

    public int Port { get; }

    public string CaPath { get; }

    public string ClientCertificatePath { get; }

    public string ClientKeyPath { get; }

    public TestCertificateAuthority Authority { get; }

    public static async Task<TlsRedisServer> StartAsync(bool requireClientCertificates)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("hetero-redis-tls-");
        var ca = new TestCertificateAuthority("Hetero Redis Test CA");
        var caPath = ca.WriteCaPem(Path.Combine(dir.FullName, "ca.crt"));
        using var server = ca.IssueServer();
        var (serverCert, serverKey) = TestCertificateAuthority.WritePem(server, dir.FullName, "server");
        using var client = ca.IssueClient();
        var (clientCert, clientKey) = TestCertificateAuthority.WritePem(client, dir.FullName, "client");

        var port = FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--port", "0", "--bind", "127.0.0.1", "--tls-port", port.ToString(CultureInfo.InvariantCulture),
                     "--tls-cert-file", serverCert, "--tls-key-file", serverKey, "--tls-ca-cert-file", caPath,
                     "--tls-auth-clients", requireClientCertificates ? "yes" : "no",
                     "--requirepass", Password, "--save", "", "--appendonly", "no", "--dir", dir.FullName,
                     "--logfile", Path.Combine(dir.FullName, "redis.log"),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("These tests need redis-server on the PATH (`bash .ci/start-services.sh` installs it).", ex);
        }

        var instance = new TlsRedisServer(process, dir, port, caPath, clientCert, clientKey, ca);
        await instance.WaitUntilListeningAsync();
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Authority.Dispose();
        Directory.Delete(recursive: true);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                var log = Path.Combine(Directory.FullName, "redis.log");
                throw new InvalidOperationException(
                    $"redis-server exited with {_process.ExitCode}: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : await _process.StandardError.ReadToEndAsync())}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"redis-server did not listen on 127.0.0.1:{Port} within 20 s.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
