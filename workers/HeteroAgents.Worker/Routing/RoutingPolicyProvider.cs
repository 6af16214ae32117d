using HeteroAgents.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Routing;

/// <summary>
/// The routing policy a worker applies now: the configured file or Redis key, read at start (where a bad policy stops
/// the worker, see <see cref="RoutingOptionsValidator"/>), and re-read by <see cref="RoutingPolicyReloader"/> while the
/// worker runs — a new valid policy replaces the current one at once, an unreadable or invalid one is logged and the
/// current one kept. Without a configured source, <see cref="RoutingPolicy.BuiltIn"/>. Thread-safe.
/// </summary>
public sealed partial class RoutingPolicyProvider
{
    private readonly IRoutingPolicySource? _source;
    private readonly ILogger<RoutingPolicyProvider> _logger;
    private RoutingPolicy _current;
    private string? _text;
    private string? _rejected;

    /// <summary>Reads the configured policy.</summary>
    public RoutingPolicyProvider(IOptions<RoutingOptions> options, RoutingPolicySourceFactory sources, ILogger<RoutingPolicyProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sources);
        _logger = logger;
        _source = sources.Create(options.Value);
        _current = RoutingPolicy.BuiltIn;
        if (_source is not null)
        {
            try
            {
                _text = _source.Read();
                _current = RoutingPolicyReader.Read(_text);
            }
            catch (Exception ex) when (ex is RoutingPolicySourceException or RoutingPolicyException)
            {
                throw new InvalidOperationException($"{_source.Name}: {ex.Message}", ex);
            }

            LogLoaded(_current.Version, _source.Name);
        }
    }

    /// <summary>The policy in force.</summary>
    public RoutingPolicy Current => Volatile.Read(ref _current);

    /// <summary>Whether a source is configured (so there is something to reload).</summary>
    public bool CanReload => _source is not null;

    /// <summary>Re-reads the source; returns true when a new valid policy replaced the current one.</summary>
    public bool Reload()
    {
        if (_source is null)
        {
            return false;
        }

        string text;
        try
        {
            text = _source.Read();
        }
        catch (RoutingPolicySourceException ex)
        {
            LogRejected(_source.Name, Current.Version, ex.Message);
            return false;
        }

        if (text == _text || text == _rejected)
        {
            return false; // unchanged, or the same invalid document already reported
        }

        RoutingPolicy policy;
        try
        {
            policy = RoutingPolicyReader.Read(text);
        }
        catch (RoutingPolicyException ex)
        {
            _rejected = text;
            LogRejected(_source.Name, Current.Version, ex.Message);
            return false;
        }

        _text = text;
        Volatile.Write(ref _current, policy);
        LogLoaded(policy.Version, _source.Name);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing policy {Version} in force (from {Source})")]
    private partial void LogLoaded(string version, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Routing policy at {Source} was not applied; policy {Version} stays in force: {Problem}")]
    private partial void LogRejected(string source, string version, string problem);
}
