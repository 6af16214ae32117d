namespace HeteroAgents.Testing.OpenAi;

/// <summary>Behaviour knobs of a <see cref="FakeOpenAiCompatibleServer"/>.</summary>
public sealed class FakeOpenAiServerOptions
{
    /// <summary>The log-probability reported for every generated token when <c>logprobs</c> is requested (default ln 0.99).</summary>
    public double TokenLogProbability { get; set; } = Math.Log(0.99);

    /// <summary>A delay before each answer (to hold tasks in flight in shutdown or concurrency tests).</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>When set, answers a request's content instead of the built-in rules (return null to fall back to them).</summary>
    public Func<FakeOpenAiRequest, string?>? Responder { get; set; }

    /// <summary>
    /// When set, answers a request with scripted tokens and their log-probabilities (return null to fall back to
    /// <see cref="Responder"/> and the built-in rules); wins over both.
    /// </summary>
    public Func<FakeOpenAiRequest, FakeOpenAiCompletion?>? Completer { get; set; }

    /// <summary>Keep at most this many requests in <see cref="FakeOpenAiCompatibleServer.Requests"/> (the oldest are dropped); counting continues.</summary>
    public int MaxRecordedRequests { get; set; } = 10_000;
}
