using System.Diagnostics;
using System.Globalization;
using HeteroAgents.Benchmarks.Fleet.Peers;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.ServiceDefaults;
using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>
/// <c>fleet</c>: end-to-end tasks/second through RabbitMQ (publish → worker → outcome published → stored in Redis)
/// with an instant model backend, and the per-task round trip (the orchestration overhead, since the model takes no
/// time) measured one task at a time. Workers of all four types run in this process on their RabbitMQ queues.
/// <c>--telemetry metrics</c> adds the Prometheus pipeline and port; <c>--telemetry all</c> also records every span
/// (into a counting exporter), to measure what telemetry costs. Unless <c>--peers 0</c>, the same run then measures two
/// request/response peers on the same broker (<see cref="MassTransitRequestPeer"/>, <see cref="RabbitMqRequestPeer"/>;
/// <c>--in-flight</c> outstanding, persistent, publisher confirms) and prints the fleet's rate as a ratio of theirs.
/// </summary>
internal sealed class FleetBenchmark : IBenchmarkCommand
{
    public string Name => "fleet";

    public string Description => "tasks/s through RabbitMQ + Redis with an instant backend; per-task overhead p50/p99; MassTransit and RabbitMQ.Client request/response peers (--tasks N --sequential M --peers N --in-flight N --store redis|inmemory --telemetry off|metrics|all)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var tasks = IntArg(args, "--tasks", 20_000);
        var sequential = IntArg(args, "--sequential", 2_000);
        var store = StringArg(args, "--store", "redis");
        var concurrency = IntArg(args, "--concurrency", 32);
        var telemetry = StringArg(args, "--telemetry", "off").ToLowerInvariant();
        var peers = IntArg(args, "--peers", tasks);
        var inFlight = IntArg(args, "--in-flight", 100);
        if (telemetry is not ("off" or "metrics" or "all"))
        {
            await Console.Error.WriteLineAsync($"--telemetry must be off, metrics or all; got '{telemetry}'");
            return 2;
        }

        var spans = new CountingSpanExporter();
        var directory = Directory.CreateTempSubdirectory("hetero-fleet-").FullName;
        await using var vhost = await BenchVirtualHost.CreateAsync(new Uri("http://127.0.0.1:15672/"), "guest", "guest");
        using var host = BuildHost(vhost.Name, store, concurrency, telemetry, spans);
        await host.StartAsync(cancellationToken);
        try
        {
            var timing = host.Services.GetRequiredService<TimingBatchStore>();
            var sender = host.Services.GetRequiredService<TimingTaskSender>();
            Console.WriteLine($"fleet benchmark: {tasks:N0} tasks, store {store}, telemetry {telemetry}, ConcurrentMessageLimit {concurrency} per task type, vhost {vhost.Name}, {Environment.ProcessorCount} cores");

            await ThroughputAsync(host.Services, await BenchBatchFile.WriteAsync(directory, "warmup.jsonl", 2_000, cancellationToken), cancellationToken);
            timing.Forget();
            sender.SendStarted.Clear();

            var file = await BenchBatchFile.WriteAsync(directory, "fleet.jsonl", tasks, cancellationToken);
            var cpu = CpuMeter.Start();
            var (elapsed, count) = await ThroughputAsync(host.Services, file, cancellationToken);
            var fleetCpu = cpu.PerUnit(count);
            var underLoad = sender.SendStarted
                .Select(p => timing.TryGetRecorded(p.Key, out var r) ? Ms(r.Timestamp - p.Value) : double.NaN)
                .Where(v => !double.IsNaN(v)).Order().ToArray();
            Console.WriteLine($"throughput: {count:N0} tasks in {elapsed.TotalSeconds:N2} s = {count / elapsed.TotalSeconds:N0} tasks/s " +
                              $"(send→stored under load p50 {Percentile(underLoad, 0.5):N1} ms, p99 {Percentile(underLoad, 0.99):N1} ms)");

            Console.WriteLine($"CPU per task: {fleetCpu}");
            var fleetRate = count / elapsed.TotalSeconds;
            if (sequential > 0)
            {
                var (roundTrips, workerMs) = await SequentialAsync(host.Services, sequential, cancellationToken);
                Console.WriteLine($"sequential round trip (1 in flight, {sequential:N0} tasks): p50 {Percentile(roundTrips, 0.5):N2} ms, p99 {Percentile(roundTrips, 0.99):N2} ms, " +
                                  $"mean {roundTrips.Average():N2} ms = {1000 / roundTrips.Average():N0} round trips/s; worker pipeline p50 {Percentile(workerMs, 0.5):N0} ms (latency_ms, 1 ms resolution)");
            }

            if (host.Services.GetService<TelemetryEndpointServer>()?.BoundPort is { } port)
            {
                using var http = new HttpClient();
                var scrape = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), cancellationToken);
                Console.WriteLine($"telemetry: /metrics {scrape.Length / 1024.0:N0} KiB, {scrape.Split('\n').Count(l => l.Length > 0 && l[0] != '#'):N0} series lines; spans recorded {spans.Count:N0}");
            }

            if (peers > 0)
            {
                await PrintPeersAsync(vhost.Name, fleetRate, fleetCpu, peers, inFlight, cancellationToken);
            }

            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task PrintPeersAsync(string vhost, double fleetRate, CpuShare fleetCpu, int count, int inFlight, CancellationToken cancellationToken)
    {
        var results = new[]
        {
            await MassTransitRequestPeer.RunAsync(vhost, count, inFlight, cancellationToken),
            await RabbitMqRequestPeer.RunAsync(vhost, count, inFlight, cancellationToken),
        };
        Console.WriteLine($"peers on the same broker ({count:N0} round trips each, {inFlight} in flight, persistent, publisher confirms):");
        foreach (var peer in results)
        {
            Console.WriteLine($"  {peer.Name,-34} {peer.PerSecond,8:N0} round trips/s ({peer.Elapsed.TotalSeconds:N2} s); fleet = {fleetRate / peer.PerSecond:N2}x");
            Console.WriteLine($"  {string.Empty,-34} {peer.Cpu} per round trip; fleet CPU per task = {fleetCpu.TotalMs / peer.Cpu!.Value.TotalMs:N2}x (by CPU: fleet = {peer.Cpu!.Value.TotalMs / fleetCpu.TotalMs:N2}x)");
        }
    }

    private static IHost BuildHost(string vhost, string store, int concurrency, string telemetry, CountingSpanExporter spans)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "RabbitMq",
            ["Hetero:Messaging:RabbitMq:VirtualHost"] = vhost,
            ["Hetero:Messaging:ConcurrentMessageLimit"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Hetero:Messaging:PrefetchCount"] = (concurrency * 4).ToString(CultureInfo.InvariantCulture),
            ["Hetero:Batch:Store"] = store.Equals("inmemory", StringComparison.OrdinalIgnoreCase) ? "InMemory" : "Redis",
            ["Hetero:Batch:PollInterval"] = "00:00:00.050",
            ["Hetero:Redis:KeyPrefix"] = $"hetero-bench:{Guid.NewGuid():N}:",
            ["Hetero:Redis:BatchTtl"] = "01:00:00",
            ["Hetero:Slm:Backend"] = "instant",
            ["Hetero:Slm:Model"] = "instant",
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHeteroOrchestrator(builder.Configuration);
        builder.Services.AddHeteroMessaging(builder.Configuration, bus =>
        {
            bus.AddHeteroOutcomeRecorder();
            bus.AddHeteroTaskConsumers();
        });
        builder.Services.AddHeteroWorker(builder.Configuration);
        builder.Services.AddHeteroChatBackend("instant", (_, _) => new InstantChatClient());
        if (telemetry != "off")
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hetero:Telemetry:Port"] = "0",
                ["Hetero:Telemetry:ListenAddress"] = "127.0.0.1",
            });
            Action<TracerProviderBuilder>? tracing = telemetry == "all" ? t => t.AddProcessor(new BatchActivityExportProcessor(spans)) : null;
            builder.Services.AddHeteroServiceDefaults(builder.Configuration, "hetero-bench", tracing);
        }

        Decorate<IBatchStore, TimingBatchStore>(builder.Services, inner => new TimingBatchStore(inner));
        Decorate<ITaskSender, TimingTaskSender>(builder.Services, inner => new TimingTaskSender(inner));
        return builder.Build();
    }

    private static void Decorate<TService, TDecorator>(IServiceCollection services, Func<TService, TDecorator> decorate)
        where TService : class
        where TDecorator : class, TService
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.AddSingleton(sp => decorate((TService)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
        services.AddSingleton<TService>(sp => sp.GetRequiredService<TDecorator>());
    }

    private static async Task<(TimeSpan Elapsed, long Count)> ThroughputAsync(IServiceProvider services, string input, CancellationToken ct)
    {
        var batchId = BatchSubmitter.NewBatchId(TimeProvider.System);
        var progress = new SubmitProgress();
        var started = Stopwatch.GetTimestamp();
        var submission = services.GetRequiredService<BatchSubmitter>().SubmitAsync(batchId, input, throttleOnOutcomes: true, progress, ct);
        var info = await services.GetRequiredService<BatchMonitor>().WaitAsync(batchId, submission, _ => { }, ct);
        await submission;
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (info.Counts.Completed != info.Counts.Total)
        {
            throw new InvalidOperationException($"expected every task completed, got {info.Counts}");
        }

        return (elapsed, info.Counts.Total);
    }

    private static async Task<(double[] RoundTrips, double[] WorkerMs)> SequentialAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var store = services.GetRequiredService<IBatchStore>();
        var timing = services.GetRequiredService<TimingBatchStore>();
        var sender = services.GetRequiredService<ITaskSender>();
        var batchId = BatchSubmitter.NewBatchId(TimeProvider.System);
        await store.CreateAsync(batchId, "sequential", DateTimeOffset.UtcNow, ct);
        var roundTrips = new double[count];
        var workerMs = new double[count];
        for (var i = 0; i < count; i++)
        {
            var customId = i.ToString(CultureInfo.InvariantCulture);
            var task = new ClassifyTask(TaskIds.Create(batchId, customId), batchId, customId, new ClassifyInput($"parcel {i} is late", ["shipping", "refund"]));
            await store.RegisterAsync(batchId, task.TaskId, i + 1, task.Type, customId, ct);
            var started = Stopwatch.GetTimestamp();
            await sender.SendAsync(task, ct);
            var (recorded, worker) = await timing.WhenRecorded(task.TaskId).WaitAsync(TimeSpan.FromSeconds(30), ct);
            roundTrips[i] = Ms(recorded - started);
            workerMs[i] = worker;
        }

        Array.Sort(roundTrips);
        Array.Sort(workerMs);
        return (roundTrips, workerMs);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string StringArg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
