using System.Text.Json;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>
/// Records every function SK's automatic function-calling loop invokes (an <see cref="IAutoFunctionInvocationFilter"/>):
/// name, arguments, latency, result or error, and, for HeteroAgents sub-tasks, who served them (SLM or frontier after
/// an escalation) and the tokens used. Exceptions pass through unchanged, so SK reports them to the model as usual.
/// </summary>
public sealed class PlanTraceFilter : IAutoFunctionInvocationFilter
{
    private readonly TimeProvider _timeProvider;
    private readonly int _textLimit;
    private readonly List<PlanStep> _steps = [];
    private readonly Lock _gate = new();

    /// <summary>Creates an empty trace.</summary>
    public PlanTraceFilter(TimeProvider timeProvider, int textLimit = 400)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _textLimit = textLimit;
    }

    /// <summary>The steps recorded so far, in completion order.</summary>
    public IReadOnlyList<PlanStep> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    /// <inheritdoc />
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var previous = HeteroCallRecord.Current;
        var record = new HeteroCallRecord();
        HeteroCallRecord.Current = record;
        var started = _timeProvider.GetTimestamp();
        string? error = null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            throw;
        }
        finally
        {
            HeteroCallRecord.Current = previous;
            var latencyMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
            var name = string.IsNullOrEmpty(context.Function.PluginName) ? context.Function.Name : context.Function.PluginName + "." + context.Function.Name;
            var result = error is null ? Cut(context.Result.ToString()) : null;
            lock (_gate)
            {
                _steps.Add(new PlanStep(_steps.Count + 1, context.RequestSequenceIndex, name, Cut(ArgumentsJson(context.Arguments)),
                    record.ServedBy, record.Escalation, latencyMs, record.SlmUsage, record.FrontierUsage, result, error));
            }
        }
    }

    private static string ArgumentsJson(KernelArguments? arguments)
    {
        if (arguments is null)
        {
            return "{}";
        }

        var values = arguments.Where(a => a.Value is not CancellationToken).ToDictionary(a => a.Key, a => a.Value);
        try
        {
            return JsonSerializer.Serialize(values);
        }
        catch (NotSupportedException)
        {
            return string.Join(", ", values.Keys);
        }
    }

    private string Cut(string? text) =>
        text is null || text.Length <= _textLimit ? text ?? string.Empty : string.Concat(text.AsSpan(0, _textLimit), "…");
}
