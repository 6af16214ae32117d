using System.Globalization;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Plain progress lines for a one-shot step: one per stage and per tenth of the work.</summary>
internal sealed class PlainStepPrinter(TextWriter writer)
{
    private readonly Lock _gate = new();
    private string? _stage;
    private long _lastTenth = -1;

    public void Report(string stage, long done, long? total)
    {
        lock (_gate)
        {
            var tenth = total is > 0 ? done * 10 / total.Value : -1;
            if (stage == _stage && tenth == _lastTenth)
            {
                return;
            }

            _stage = stage;
            _lastTenth = tenth;
            writer.WriteLine(total is { } t
                ? string.Create(CultureInfo.InvariantCulture, $"{stage}: {done:N0}/{t:N0}")
                : string.Create(CultureInfo.InvariantCulture, $"{stage}: {done:N0}"));
        }
    }
}
