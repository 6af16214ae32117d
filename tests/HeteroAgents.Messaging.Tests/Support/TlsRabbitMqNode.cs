using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HeteroAgents.Testing.Tls;

namespace HeteroAgents.Messaging.Tests.Support;

/// <summary>
/// A dedicated real RabbitMQ node (Debian's rabbitmq-server) with only a TLS listener on a free port of 127.0.0.1, a
/// certificate from a throw-away CA, no plugins, data in a temporary folder. Started once per test class (about
/// 5-15 s), stopped with <c>rabbitmqctl stop</c>. Needs root or the rabbitmq user, as <c>.ci/start-services.sh</c> does.
/// </summary>
public sealed class TlsRabbitMqNode : IAsyncLifetime
{
    private readonly string _node = $"hetero-tls-{Environment.ProcessId}@localhost";
    private Process? _process;

    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("hetero-rabbit-tls-");

    public TestCertificateAuthority Authority { get; } = new("Hetero RabbitMQ Test CA");

    public int Port { get; private set; }

    public string CaPath => Path.Combine(Directory.FullName, "ca.crt");

    public async Task InitializeAsync()
    {
        Authority.WriteCaPem(CaPath);
        using var server = Authority.IssueServer();
        var (cert, key) = TestCertificateAuthority.WritePem(server, Directory.FullName, "server");
        Port = FreePort();
        var config = Path.Combine(Directory.FullName, "rabbitmq.conf");
        await File.WriteAllTextAsync(config, string.Join('\n',
            "listeners.tcp = none",
            $"listeners.ssl.default = 127.0.0.1:{Port}",
            $"ssl_options.cacertfile = {CaPath}",
            $"ssl_options.certfile = {cert}",
            $"ssl_options.keyfile = {key}",
            "ssl_options.verify = verify_none",
            "ssl_options.fail_if_no_peer_cert = false",
            string.Empty));
        await File.WriteAllTextAsync(Path.Combine(Directory.FullName, "enabled_plugins"), "[].\n");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory.FullName, "mnesia"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory.FullName, "log"));
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "rabbitmq:rabbitmq", Directory.FullName]);
            await RunAsync("chmod", ["755", Directory.FullName]);
        }

        var start = new ProcessStartInfo("rabbitmq-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["RABBITMQ_NODENAME"] = _node;
        start.Environment["RABBITMQ_CONFIG_FILE"] = config;
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Directory.FullName, "enabled_plugins");
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(Directory.FullName, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(Directory.FullName, "log");
        start.Environment["RABBITMQ_DIST_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment.Remove("RABBITMQ_NODE_IP_ADDRESS");
        start.Environment.Remove("RABBITMQ_NODE_PORT");
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("This test needs rabbitmq-server on the PATH (`bash .ci/start-services.sh` installs it).", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server for the TLS node exited with {_process.ExitCode}; see {Directory.FullName}/log.");
            }

            if (await RunAsync("rabbitmqctl", ["-n", _node, "await_startup", "-t", "2"], throwOnError: false) == 0 && await ListeningAsync())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The TLS RabbitMQ node {_node} did not start within 90 s; see {Directory.FullName}/log.");
    }

    public async Task DisposeAsync()
    {
        await RunAsync("rabbitmqctl", ["-n", _node, "stop"], throwOnError: false);
        if (_process is not null)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        Authority.Dispose();
        Directory.Delete(recursive: true);
    }

    private async Task<bool> ListeningAsync()
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<int> RunAsync(string file, string[] args, bool throwOnError = true)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }

        return process.ExitCode;
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
