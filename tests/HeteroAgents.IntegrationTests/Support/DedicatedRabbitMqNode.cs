using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using HeteroAgents.Messaging;
using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// A RabbitMQ node of its own for fault tests, so they can stop and restart the broker without disturbing the shared one
/// on 5672 that other suites use at the same time. Started like <c>.ci/start-services.sh</c> starts the shared node (the
/// Debian <c>rabbitmq-server</c> script, run as the <c>rabbitmq</c> user), but with its own node name
/// (<c>hetero-fault-&lt;pid&gt;-&lt;n&gt;@localhost</c>), AMQP, distribution and management ports, and Mnesia, log, config and
/// plugin files in a temporary folder. Durable queues and persistent messages survive <see cref="StopAsync"/> +
/// <see cref="StartAsync"/> because the folder is kept until <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class DedicatedRabbitMqNode : IAsyncDisposable
{
    private static int _instances;
    private readonly string _server;
    private readonly HttpClient _http;
    private readonly ProcessOutput _output = new();
    private Process? _launcher;

    private DedicatedRabbitMqNode(string server, string directory)
    {
        _server = server;
        Directory = directory;
        NodeName = $"hetero-fault-{Environment.ProcessId}-{Interlocked.Increment(ref _instances)}@localhost";
        AmqpPort = LocalPorts.Free();
        ManagementPort = LocalPorts.Free();
        DistributionPort = LocalPorts.Free();
        _http = new HttpClient { BaseAddress = ManagementUri, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
    }

    public string NodeName { get; }

    public string Directory { get; }

    public int AmqpPort { get; }

    public int ManagementPort { get; }

    public int DistributionPort { get; }

    public Uri ManagementUri => new($"http://127.0.0.1:{ManagementPort}/");

    /// <summary>Creates the node's folder and files and starts it (about 5–10 s); fails saying what is missing when RabbitMQ is not installed.</summary>
    public static async Task<DedicatedRabbitMqNode> StartNewAsync(CancellationToken cancellationToken)
    {
        var server = ServiceBinaries.Require("rabbitmq-server");
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal) && !string.Equals(Environment.UserName, "rabbitmq", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The fault-injection tests start their own RabbitMQ node with the Debian rabbitmq-server script, which only root or the rabbitmq user may run (running as '{Environment.UserName}').");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("hetero-fault-rabbitmq-").FullName;
        var node = new DedicatedRabbitMqNode(server, directory);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "log"));
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            listeners.tcp.default = {node.AmqpPort}
            management.tcp.port = {node.ManagementPort}
            management.tcp.ip = 127.0.0.1
            collect_statistics_interval = 500
            """), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[rabbitmq_management].\n", cancellationToken);
        if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            await RunAsync("chown", ["-R", "rabbitmq:rabbitmq", directory], TimeSpan.FromSeconds(30), cancellationToken);
        }

        try
        {
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

    /// <summary>The same as <see cref="RabbitMqOptions"/> (management address included), for the fleet's queue-depth client.</summary>
    public RabbitMqOptions Options(string virtualHost) => new()
    {
        Host = "127.0.0.1", Port = (ushort)AmqpPort, VirtualHost = virtualHost, Username = "guest", Password = "guest", ManagementUri = ManagementUri,
    };

    /// <summary>Starts the node (again) on the same folder and waits until AMQP and the management API answer.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(_server) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["RABBITMQ_NODENAME"] = NodeName;
        info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        info.Environment["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(Directory, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(Directory, "log");
        info.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(Directory, "rabbitmq.conf");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Directory, "enabled_plugins");
        info.Environment["RABBITMQ_PID_FILE"] = PidFile;
        File.Delete(PidFile);
        _launcher?.Dispose();
        _launcher = _output.Attach(Process.Start(info) ?? throw new InvalidOperationException($"could not start {_server}"));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!await IsUpAsync(cancellationToken))
        {
            if (_launcher.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"RabbitMQ node {NodeName} (AMQP {AmqpPort}, management {ManagementPort}) did not start " +
                    (_launcher.HasExited ? $"(rabbitmq-server exited with {_launcher.ExitCode})" : "within 120 s") +
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
        await RunAsync("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), cancellationToken);
        await WaitForExitAsync(pid, TimeSpan.FromSeconds(60), cancellationToken);
        if (_launcher is { } launcher)
        {
            await launcher.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    /// <summary>Whether the management API answers (the node has finished booting).</summary>
    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        if (!await LocalPorts.AcceptsAsync(AmqpPort, cancellationToken))
        {
            return false;
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

    /// <summary>Creates a virtual host with full rights for guest and returns its settings.</summary>
    public async Task<RabbitMqTestSettings> CreateVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        (await _http.PutAsync($"api/vhosts/{Uri.EscapeDataString(name)}", null, cancellationToken)).EnsureSuccessStatusCode();
        (await _http.PutAsJsonAsync($"api/permissions/{Uri.EscapeDataString(name)}/guest",
            new { configure = ".*", write = ".*", read = ".*" }, cancellationToken)).EnsureSuccessStatusCode();
        return Settings(name);
    }

    /// <summary>Messages (ready + unacknowledged) in a queue as the management API reports them, or null when the queue does not exist.</summary>
    public async Task<long?> MessagesAsync(string virtualHost, string queue, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.TryGetProperty("messages", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Number ? m.GetInt64() : 0;
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
        if (BeamPid() is { } pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
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

            launcher.Dispose();
        }

        _http.Dispose();
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

    private static async Task WaitForExitAsync(int? pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (pid is { } p && System.IO.Directory.Exists($"/proc/{p}") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task RunAsync(string program, string[] arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{program} {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}
