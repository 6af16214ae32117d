using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HeteroAgents.Testing.Processes;
using HeteroAgents.Testing.Tls;

namespace HeteroAgents.Testing.Brokers;

/// <summary>
/// A real RabbitMQ node of a test's own, so it may stop, kill and restart the broker (or listen only with TLS) without
/// disturbing the shared one on 5672. Started like <c>.ci/start-services.sh</c> starts the shared node (the Debian
/// <c>rabbitmq-server</c> script, which only root or the <c>rabbitmq</c> user may run), but with its own node name,
/// AMQP (or AMQPS), distribution and management ports, and Mnesia, log, config and plugin files in a temporary folder.
/// Durable queues and persistent messages survive <see cref="StopAsync"/> or <see cref="KillAsync"/> +
/// <see cref="StartAsync"/> because the folder is kept until <see cref="DisposeAsync"/>.
/// </summary>
public sealed class DedicatedRabbitMqNode : IAsyncDisposable
{
    private static int _instances;
    private readonly string _server;
    private readonly string _ctl;
    private readonly DedicatedRabbitMqNodeOptions _options;
    private readonly HttpClient _http;
    private readonly ProcessOutput _output = new();
    private Process? _launcher;

    private DedicatedRabbitMqNode(DedicatedRabbitMqNodeOptions options, string server, string ctl)
    {
        _options = options;
        _server = server;
        _ctl = ctl;
        Directory = System.IO.Directory.CreateTempSubdirectory($"hetero-{options.Name}-rabbitmq-").FullName;
        NodeName = $"hetero-{options.Name}-{Environment.ProcessId}-{Interlocked.Increment(ref _instances)}@localhost";
        AmqpPort = options.AmqpPort ?? LocalPorts.Free();
        ManagementPort = LocalPorts.Free();
        DistributionPort = LocalPorts.Free();
        Authority = options.UseTls ? new TestCertificateAuthority("Hetero RabbitMQ Test CA") : null;
        _http = new HttpClient { BaseAddress = ManagementUri, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
    }

    /// <summary>The Erlang node name, <c>hetero-&lt;Name&gt;-&lt;pid&gt;-&lt;n&gt;@localhost</c>.</summary>
    public string NodeName { get; }

    /// <summary>The node's temporary folder (config, certificates, Mnesia, logs); deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>The AMQP port, or the AMQPS port with <see cref="DedicatedRabbitMqNodeOptions.UseTls"/>.</summary>
    public int AmqpPort { get; }

    /// <summary>The management API's port (used only with <see cref="DedicatedRabbitMqNodeOptions.EnableManagement"/>).</summary>
    public int ManagementPort { get; }

    /// <summary>The Erlang distribution port.</summary>
    public int DistributionPort { get; }

    /// <summary>The management API's address.</summary>
    public Uri ManagementUri => new($"http://127.0.0.1:{ManagementPort}/");

    /// <summary>The throw-away CA that issued the server certificate (null without TLS).</summary>
    public TestCertificateAuthority? Authority { get; }

    /// <summary>The CA certificate as PEM, for clients to validate the server with (null without TLS).</summary>
    public string? CaPath => Authority is null ? null : Path.Combine(Directory, "ca.crt");

    /// <summary>
    /// Creates the node's folder and files and starts it (about 5-15 s); fails (never skips) saying what is missing when
    /// RabbitMQ is not installed or may not be run by this user.
    /// </summary>
    public static async Task<DedicatedRabbitMqNode> StartNewAsync(DedicatedRabbitMqNodeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var server = ServiceBinaries.Require("rabbitmq-server");
        var ctl = ServiceBinaries.Require("rabbitmqctl");
        var root = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        if (!root && !string.Equals(Environment.UserName, "rabbitmq", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"This test starts its own RabbitMQ node with the Debian rabbitmq-server script, which only root or the rabbitmq user may run (running as '{Environment.UserName}').");
        }

        var node = new DedicatedRabbitMqNode(options, server, ctl);
        try
        {
            await node.WriteFilesAsync(cancellationToken);
            if (root)
            {
                await ProcessSignals.RunAsync("chown", ["-R", "rabbitmq:rabbitmq", node.Directory], TimeSpan.FromSeconds(30), cancellationToken);
                await ProcessSignals.RunAsync("chmod", ["755", node.Directory], TimeSpan.FromSeconds(30), cancellationToken);
            }

            await node.StartAsync(cancellationToken);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>The guest settings for a virtual host of this node.</summary>
    public RabbitMqTestSettings Settings(string virtualHost) => new("127.0.0.1", AmqpPort, "guest", "guest", virtualHost);

    /// <summary>Starts the node (again) on the same folder and waits until it has booted and its AMQP(S) port accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(_server) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["RABBITMQ_NODENAME"] = NodeName;
        if (_options.UseTls)
        {
            // Both would open a plain AMQP listener next to the TLS one.
            info.Environment.Remove("RABBITMQ_NODE_IP_ADDRESS");
            info.Environment.Remove("RABBITMQ_NODE_PORT");
        }
        else
        {
            info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
            info.Environment["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(CultureInfo.InvariantCulture);
        }

        info.Environment["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(Directory, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(Directory, "log");
        info.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(Directory, "rabbitmq.conf");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Directory, "enabled_plugins");
        info.Environment["RABBITMQ_PID_FILE"] = PidFile;
        File.Delete(PidFile);
        _launcher?.Dispose();
        _launcher = _output.Attach(Process.Start(info) ?? throw new InvalidOperationException($"could not start {_server}"));

        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (!await IsUpAsync(cancellationToken))
        {
            if (_launcher.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"RabbitMQ node {NodeName} ({(_options.UseTls ? "AMQPS" : "AMQP")} {AmqpPort}) did not start " +
                    (_launcher.HasExited ? $"(rabbitmq-server exited with {_launcher.ExitCode})" : $"within {_options.StartTimeout.TotalSeconds:0} s") +
                    $". Output:\n{_output.Tail}\nLog:\n{LogTail()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>
    /// Stops the node gracefully, the way a service manager or <c>docker stop</c> does: SIGTERM to the Erlang VM, which
    /// closes the listeners and client connections first, then flushes the message stores; waits until the VM is gone.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var pid = BeamPid() ?? throw new InvalidOperationException($"RabbitMQ node {NodeName} has no pid file: is it running?");
        await ProcessSignals.TerminateAsync(pid, TimeSpan.FromSeconds(60), cancellationToken);
        await WaitForLauncherAsync(cancellationToken);
    }

    /// <summary>Kills the node's VM with SIGKILL (a crash: nothing is flushed), keeping its folder for a restart.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (BeamPid() is { } pid)
        {
            await ProcessSignals.KillAsync(pid, TimeSpan.FromSeconds(15), cancellationToken);
        }

        if (_launcher is { } launcher)
        {
            try
            {
                launcher.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }

            await WaitForLauncherAsync(cancellationToken);
        }
    }

    /// <summary>Whether the node has booted: its AMQP(S) port accepts connections and the management API (or, without it, <c>rabbitmqctl await_startup</c>) answers.</summary>
    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        if (!await LocalPorts.AcceptsAsync(AmqpPort, cancellationToken))
        {
            return false;
        }

        if (!_options.EnableManagement)
        {
            return await ProcessSignals.RunAsync(_ctl, ["-n", NodeName, "await_startup", "-t", "2"], TimeSpan.FromSeconds(30), cancellationToken, throwOnError: false) == 0;
        }

        try
        {
            using var response = await _http.GetAsync("api/overview", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Creates a virtual host with full rights for guest (through the management API) and returns its settings.</summary>
    public async Task<RabbitMqTestSettings> CreateVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        if (!_options.EnableManagement)
        {
            throw new InvalidOperationException($"RabbitMQ node {NodeName} runs without the management plugin; set {nameof(DedicatedRabbitMqNodeOptions.EnableManagement)} to create virtual hosts.");
        }

        (await _http.PutAsync($"api/vhosts/{Uri.EscapeDataString(name)}", null, cancellationToken)).EnsureSuccessStatusCode();
        (await _http.PutAsJsonAsync($"api/permissions/{Uri.EscapeDataString(name)}/guest",
            new { configure = ".*", write = ".*", read = ".*" }, cancellationToken)).EnsureSuccessStatusCode();
        return Settings(name);
    }

    /// <summary>The node's log so far (last lines), for failure messages.</summary>
    public string LogTail()
    {
        var log = Path.Combine(Directory, "log", NodeName + ".log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(40)) : "(no log file)";
    }

    /// <summary>Kills the node's VM at once and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync(CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // Left to the OS; the folder goes below in any case.
        }

        _launcher?.Dispose();
        _http.Dispose();
        Authority?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by an exiting process; the temp folder is cleaned up by the OS eventually.
        }
    }

    private string PidFile => Path.Combine(Directory, "rabbit.pid");

    private int? BeamPid() =>
        File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;

    private async Task WaitForLauncherAsync(CancellationToken cancellationToken)
    {
        if (_launcher is { } launcher)
        {
            await launcher.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    private async Task WriteFilesAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "mnesia"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "log"));
        var config = new List<string>();
        if (Authority is not null)
        {
            Authority.WriteCaPem(CaPath!);
            using var certificate = Authority.IssueServer();
            var (cert, key) = TestCertificateAuthority.WritePem(certificate, Directory, "server");
            config.AddRange([
                "listeners.tcp = none",
                $"listeners.ssl.default = 127.0.0.1:{AmqpPort}",
                $"ssl_options.cacertfile = {CaPath}",
                $"ssl_options.certfile = {cert}",
                $"ssl_options.keyfile = {key}",
                "ssl_options.verify = verify_none",
                "ssl_options.fail_if_no_peer_cert = false",
            ]);
        }
        else
        {
            config.Add(string.Create(CultureInfo.InvariantCulture, $"listeners.tcp.default = {AmqpPort}"));
        }

        if (_options.EnableManagement)
        {
            config.AddRange([
                string.Create(CultureInfo.InvariantCulture, $"management.tcp.port = {ManagementPort}"),
                "management.tcp.ip = 127.0.0.1",
                "collect_statistics_interval = 500",
            ]);
        }

        config.Add(string.Empty);
        await File.WriteAllTextAsync(Path.Combine(Directory, "rabbitmq.conf"), string.Join('\n', config), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Directory, "enabled_plugins"), _options.EnableManagement ? "[rabbitmq_management].\n" : "[].\n", cancellationToken);
    }
}
