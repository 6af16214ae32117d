using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>Runs <c>hetero batch run</c> in-process against the fault tests' broker and Redis, and checks its output line by line.</summary>
internal static class FaultBatch
{
    /// <summary>Worker settings: the broker's virtual host, the fake SLM, quiet logs, and the given concurrency.</summary>
    public static Dictionary<string, string> WorkerEnvironment(RabbitMqTestSettings broker, Uri slm, int concurrency = 8) =>
        new(broker.ToEnvironment())
        {
            ["HETERO__SLM__ENDPOINT"] = slm.ToString(),
            ["HETERO__SLM__MODEL"] = "fake-slm",
            ["HETERO__MESSAGING__CONCURRENTMESSAGELIMIT"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };

    /// <summary>
    /// Runs the batch through RabbitMQ with job state in Redis. <paramref name="maxOutstanding"/> bounds how far submission
    /// runs ahead of outcomes, so tasks are still being published while a fault happens.
    /// </summary>
    public static async Task<(int Exit, string Stderr)> RunAsync(
        string input, string output, RabbitMqTestSettings broker, string redis, string keyPrefix, int maxOutstanding, CancellationToken cancellationToken)
    {
        var config = new Dictionary<string, string?>(broker.ToConfiguration())
        {
            ["Hetero:Batch:Store"] = "Redis",
            ["Hetero:Batch:MaxOutstanding"] = maxOutstanding.ToString(CultureInfo.InvariantCulture),
            ["Hetero:Redis:Configuration"] = redis,
            ["Hetero:Redis:KeyPrefix"] = keyPrefix,
        };
        var stderr = new StringWriter();
        var exit = await HeteroCli.RunAsync(
            ["batch", "run", input, "--out", output, "--transport", "rabbitmq", "--no-progress"],
            new CliContext { Out = TextWriter.Null, Error = TextWriter.Synchronized(stderr), Interactive = false, Configuration = config },
            cancellationToken);
        return (exit, stderr.ToString());
    }

    /// <summary>Counts the output lines per input task: missing ids, duplicate lines, failed lines.</summary>
    public static BatchCheck Check(string input, string output)
    {
        var expected = OutputFiles.Tasks(input).Keys.ToHashSet(StringComparer.Ordinal);
        var lines = File.Exists(output) ? OutputFiles.Read(output) : [];
        var perId = lines.GroupBy(l => l.CustomId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new BatchCheck(
            expected.Count,
            lines.Count,
            expected.Count(id => !perId.ContainsKey(id)),
            perId.Values.Sum(n => n - 1),
            lines.Count(l => l.Status == BatchTaskStatus.Failed),
            lines.Count(l => l.Status == BatchTaskStatus.Completed),
            lines.Count(l => l.Status == BatchTaskStatus.Escalated),
            string.Join("; ", lines.Where(l => l.Status == BatchTaskStatus.Failed).Take(5).Select(l => $"{l.CustomId}: {l.Error?.Code} {l.Error?.Message}")));
    }
}

/// <summary>What a fault test's output file holds compared with its input.</summary>
internal sealed record BatchCheck(int Tasks, int Lines, int Lost, int Duplicates, int Failed, int Completed, int Escalated, string FailedSample)
{
    /// <summary>Asserts that each of <paramref name="taskCount"/> tasks got exactly one output line and none failed.</summary>
    public void AssertEveryTaskAnsweredOnce(int taskCount)
    {
        Assert.Equal(taskCount, Tasks);
        Assert.Equal(0, Lost);
        Assert.Equal(0, Duplicates);
        Assert.Equal(0, Failed);
    }

    public override string ToString() =>
        $"tasks {Tasks}, output lines {Lines}, lost {Lost}, duplicate lines {Duplicates}, failed {Failed} ({FailedSample}), completed {Completed}, escalated {Escalated}";
}
