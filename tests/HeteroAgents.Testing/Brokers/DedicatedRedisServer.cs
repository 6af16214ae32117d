using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HeteroAgents.Testing.Processes;
using HeteroAgents.Testing.Tls;

namespace HeteroAgents.Testing.Brokers;

/// <summary>
/// A real <c>redis-server</c> of a test's own, on 127.0.0.1 with its own port and data folder, so a test may stop, kill and
/// start it again on the same folder (with <see cref="DedicatedRedisServerOptions.AppendOnly"/> the data survives) or
/// speak only TLS, without touching the shared Redis on 6379. Needs the <c>redis-server</c> that
/// <c>.ci/start-services.sh</c> installs (Debian's build supports TLS). Removed with its folder on dispose.
/// </summary>
public sealed class DedicatedRedisServer : IAsyncDisposable
{
    private readonly string _server;
    private readonly DedicatedRedisServerOptions _options;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private DedicatedRedisServer(DedicatedRedisServerOptions options, string server)
    {
        _options = options;
        _server = server;
        Directory = System.IO.Directory.CreateTempSubdirectory($"hetero-{options.Name}-redis-").FullName;
        Port = options.Port ?? LocalPorts.Free();
        Authority = options.UseTls ? new TestCertificateAuthority("Hetero Redis Test CA") : null;
    }

    /// <summary>The server's data folder (append-only file, certificates); deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>The port (the TLS port with <see cref="DedicatedRedisServerOptions.UseTls"/>).</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for this server (without TLS or password settings).</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>The throw-away CA of the server and client certificates (null without TLS).</summary>
    public TestCertificateAuthority? Authority { get; }

    /// <summary>The CA certificate as PEM (null without TLS).</summary>
    public string? CaPath => Authority is null ? null : Path.Combine(Directory, "ca.crt");

    /// <summary>A client certificate from <see cref="Authority"/> as PEM (null without TLS).</summary>
    public string? ClientCertificatePath => Authority is null ? null : Path.Combine(Directory, "client.crt");

    /// <summary>The key of <see cref="ClientCertificatePath"/> as PEM (null without TLS).</summary>
    public string? ClientKeyPath => Authority is null ? null : Path.Combine(Directory, "client.key");

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a new server in a new folder; fails (never skips) saying how to install Redis when redis-server is missing.</summary>
    public static async Task<DedicatedRedisServer> StartNewAsync(DedicatedRedisServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var server = new DedicatedRedisServer(options, ServiceBinaries.Require("redis-server"));
        try
        {
            server.WriteCertificates();
            await server.StartAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Starts the server (again) on the same folder, reloading the append-only file, and waits until it answers (nothing when it runs already).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        var info = new ProcessStartInfo(_server, Arguments()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        _process?.Dispose();
        _process = _output.Attach(Process.Start(info) ?? throw new InvalidOperationException($"could not start {_server}"));
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (!await AnswersAsync(cancellationToken))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"redis-server on port {Port} did not start " +
                    (_process.HasExited ? $"(exited with {_process.ExitCode})" : $"within {_options.StartTimeout.TotalSeconds:0} s") +
                    $". Output:\n{_output.Tail}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Stops the server with SIGTERM (Redis flushes and fsyncs its append-only file first) and waits for it to exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        await ProcessSignals.TerminateAsync(_process.Id, TimeSpan.FromSeconds(30), cancellationToken);
        await _process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>Kills the server with SIGKILL (a crash: at most the last second of writes is lost), keeping its folder for a restart.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill();
        await _process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }

    /// <summary>Kills the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or left to the OS.
        }

        _process?.Dispose();
        Authority?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private List<string> Arguments()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        List<string> args = ["--bind", "127.0.0.1", "--dir", Directory, "--save", string.Empty, "--daemonize", "no", "--protected-mode", "yes"];
        args.AddRange(_options.AppendOnly ? ["--appendonly", "yes", "--appendfsync", "everysec"] : ["--appendonly", "no"]);
        if (Authority is null)
        {
            args.AddRange(["--port", port]);
        }
        else
        {
            args.AddRange([
                "--port", "0", "--tls-port", port,
                "--tls-cert-file", Path.Combine(Directory, "server.crt"), "--tls-key-file", Path.Combine(Directory, "server.key"),
                "--tls-ca-cert-file", CaPath!, "--tls-auth-clients", _options.RequireClientCertificates ? "yes" : "no",
            ]);
        }

        if (_options.Password is { } password)
        {
            args.AddRange(["--requirepass", password]);
        }

        return args;
    }

    private void WriteCertificates()
    {
        if (Authority is null)
        {
            return;
        }

        Authority.WriteCaPem(CaPath!);
        using var server = Authority.IssueServer();
        TestCertificateAuthority.WritePem(server, Directory, "server");
        using var client = Authority.IssueClient();
        TestCertificateAuthority.WritePem(client, Directory, "client");
    }

    /// <summary>
    /// Without TLS: whether a PING is answered (PONG, or NOAUTH when a password is set; not LOADING while the append-only
    /// file is read back). With TLS: whether the TLS port accepts connections.
    /// </summary>
    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        if (Authority is not null)
        {
            return await LocalPorts.AcceptsAsync(Port, cancellationToken);
        }

        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("+PONG", StringComparison.Ordinal) || reply.StartsWith("-NOAUTH", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
