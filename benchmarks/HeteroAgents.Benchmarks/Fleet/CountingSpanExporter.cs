using System.Diagnostics;
using OpenTelemetry;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>A span exporter that only counts what it is given: the cost of recording spans without any I/O behind it.</summary>
internal sealed class CountingSpanExporter : BaseExporter<Activity>
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var _ in batch)
        {
            Interlocked.Increment(ref _count);
        }

        return ExportResult.Success;
    }
}
