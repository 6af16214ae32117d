using System.Runtime.CompilerServices;
using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Collect;

/// <summary>A log kept in a list; can be told to fail every append.</summary>
internal sealed class InMemoryFrontierCallLog(bool failAppends = false) : IFrontierCallLog
{
    public List<FrontierCallRecord> Records { get; } = [];

    public ValueTask AppendAsync(FrontierCallRecord record, CancellationToken cancellationToken = default)
    {
        if (failAppends)
        {
            throw new IOException("disk full");
        }

        lock (Records)
        {
            Records.Add(record);
        }

        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<FrontierCallRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var r in Records.ToList())
        {
            yield return r;
        }
    }
}
