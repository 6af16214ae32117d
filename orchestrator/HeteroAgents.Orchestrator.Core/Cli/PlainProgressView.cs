namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Plain progress lines for logs and CI (no TTY, <c>CI=true</c> or <c>--no-progress</c>): at most one per interval, plus the last.</summary>
internal sealed class PlainProgressView(TextWriter writer, TimeProvider time, TimeSpan interval) : IProgressView
{
    public async Task<T> RunAsync<T>(Func<Action<ProgressSnapshot>, Task<T>> work)
    {
        long? lastWritten = null;
        ProgressSnapshot? last = null;
        long lastDone = -1;
        void Report(ProgressSnapshot s)
        {
            last = s;
            var now = time.GetTimestamp();
            if (lastWritten is null || time.GetElapsedTime(lastWritten.Value, now) >= interval)
            {
                lastWritten = now;
                lastDone = s.Counts.Done;
                writer.WriteLine("progress: " + s.Describe());
            }
        }

        var result = await work(Report);
        if (last is not null && last.Counts.Done != lastDone)
        {
            writer.WriteLine("progress: " + last.Describe());
        }

        return result;
    }
}
