using HeteroAgents.Flywheel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Flywheel.Tests.Collect;

/// <summary>Against the real Redis (HETERO__REDIS__CONFIGURATION, default 127.0.0.1:6379; start it with .ci/start-services.sh).</summary>
public sealed class RedisStreamFrontierCallLogTests : IAsyncLifetime
{
    private static readonly string Configuration = Environment.GetEnvironmentVariable("HETERO__REDIS__CONFIGURATION") ?? "127.0.0.1:6379";
    private readonly string _key = "hetero:test:flywheel:" + Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer? _redis;

    private ConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("not connected");

    public async Task InitializeAsync()
    {
        try
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(Configuration + ",connectTimeout=3000");
        }
        catch (RedisConnectionException ex)
        {
            throw new InvalidOperationException($"Redis at {Configuration} is not reachable: run 'bash .ci/start-services.sh' or set HETERO__REDIS__CONFIGURATION.", ex);
        }
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.GetDatabase().KeyDeleteAsync(_key);
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Records_round_trip_through_the_stream_in_order()
    {
        var log = new RedisStreamFrontierCallLog(Redis, _key);
        var synthetic = new SyntheticLog(5);
        var written = Enumerable.Range(0, 1200).Select(i => i % 2 == 0 ? synthetic.TicketRouting() : synthetic.InvoiceExtract()).ToList();
        foreach (var r in written)
        {
            await log.AppendAsync(r);
        }

        var read = new List<FrontierCallRecord>();
        await foreach (var r in log.ReadAllAsync())
        {
            read.Add(r);
        }

        Assert.Equal(written.Select(r => r.Id), read.Select(r => r.Id));
        Assert.Equal(written[1].ToJsonLine(), read[1].ToJsonLine());
        Assert.Equal(1200, await Redis.GetDatabase().StreamLengthAsync(_key));
    }

    [Fact]
    public async Task The_stream_is_scrubbed_into_a_jsonl_file()
    {
        var log = new RedisStreamFrontierCallLog(Redis, _key);
        var synthetic = new SyntheticLog(8);
        await log.AppendAsync(synthetic.Record("classify", null, "s", "card 4111-1111-1111-1111 please refund", "{}"));
        await log.AppendAsync(synthetic.Record("classify", null, "s", "no pii", "{}"));
        using var dir = new TempDirectory("flywheel-tests");

        var summary = await FlywheelScrubber.ScrubLogAsync(log, dir.File("scrubbed.jsonl"));

        Assert.Equal((2L, 1L), (summary.Records, summary.Replacements[PiiType.Card]));
        var records = await FrontierCallLogReader.ReadListAsync(summary.OutputPath);
        Assert.Equal("card <CARD> please refund", records[0].UserText());
    }

    [Fact]
    public async Task Max_length_caps_the_stream()
    {
        var log = new RedisStreamFrontierCallLog(Redis, _key, maxLength: 50);
        var synthetic = new SyntheticLog(6);
        for (var i = 0; i < 600; i++)
        {
            await log.AppendAsync(synthetic.TicketRouting());
        }

        // MAXLEN ~ trims whole stream nodes (100 entries by default): the stream keeps at least 50 and far fewer than 600.
        Assert.InRange(await Redis.GetDatabase().StreamLengthAsync(_key), 50, 250);
    }

    [Fact]
    public async Task AddFlywheel_selects_the_redis_sink_from_configuration_and_validates_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Flywheel:Logging:Sink"] = "Redis",
            ["Hetero:Flywheel:Logging:StreamKey"] = _key,
            ["Hetero:Redis:Configuration"] = Configuration,
            ["Hetero:Flywheel:Costs:Prices:gpt-4o-mini:InputPerMillion"] = "0.15",
            ["Hetero:Flywheel:Costs:Prices:gpt-4o-mini:OutputPerMillion"] = "0.6",
            ["Hetero:Flywheel:Clustering:MinExamplesToFineTune"] = "250",
            ["Hetero:Flywheel:Report:BaselineModel"] = "gpt-4o-mini",
        });
        builder.Services.AddFlywheel();
        using var host = builder.Build();

        Assert.IsType<RedisStreamFrontierCallLog>(host.Services.GetRequiredService<IFrontierCallLog>());
        Assert.Equal(0.15m, host.Services.GetRequiredService<IOptions<CostAccountingOptions>>().Value.Find("gpt-4o-mini-2024-07-18")!.InputPerMillion);
        Assert.Equal(250, host.Services.GetRequiredService<IOptions<ExportOptions>>().Value.Clustering.MinExamplesToFineTune);
        Assert.Equal(250, host.Services.GetRequiredService<IOptions<EvalOptions>>().Value.Clustering.MinExamplesToFineTune);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<ReportOptions>>().Value.Prices.Find("gpt-4o-mini"));

        var bad = Host.CreateApplicationBuilder();
        bad.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Flywheel:Logging:StreamMaxLength"] = "0" });
        bad.Services.AddFlywheel();
        using var badHost = bad.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => badHost.StartAsync());
        Assert.Contains("StreamMaxLength", ex.Message, StringComparison.Ordinal);
    }
}
