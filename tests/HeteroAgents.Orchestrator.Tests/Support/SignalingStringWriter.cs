namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>A <see cref="StringWriter"/> that cancels a token once the text written contains a marker (e.g. "Ctrl+C to stop") <paramref name="times"/> times.</summary>
public sealed class SignalingStringWriter(string marker, CancellationTokenSource onMarker, int times = 1) : StringWriter
{
    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Check();
    }

    private void Check()
    {
        if (!onMarker.IsCancellationRequested && CountOf(ToString()) >= times)
        {
            onMarker.Cancel();
        }
    }

    private int CountOf(string text)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
