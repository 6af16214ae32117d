using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>
/// The planner behind <c>hetero run "&lt;goal&gt;" [--input file]</c>: builds a <see cref="Kernel"/> whose chat service is
/// the frontier model, imports the HeteroAgents functions and lets SK's automatic function calling
/// (<see cref="FunctionChoiceBehavior.Auto"/>) run, so the frontier plans and the SLM fleet executes the sub-steps.
/// Returns the answer and a trace of every function call (<see cref="PlanTraceFilter"/>).
/// </summary>
public sealed class HeteroPlanner
{
    private const string PromptTemplate = "<message role=\"system\">{{$instructions}}</message>\n<message role=\"user\">{{$request}}</message>";

    private readonly IServiceProvider _services;
    private readonly PlannerOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the planner; <paramref name="services"/> must hold the plugin services and a frontier model.</summary>
    public HeteroPlanner(IServiceProvider services, IOptions<PlannerOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>Runs <paramref name="goal"/> (with an optional input text, e.g. the content of <c>--input file</c>).</summary>
    /// <exception cref="InvalidOperationException">No frontier model is configured.</exception>
    /// <exception cref="TimeoutException">The run exceeded <see cref="PlannerOptions.Timeout"/>.</exception>
    public async Task<PlannerResult> RunAsync(string goal, string? inputText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(goal);
        var frontier = _services.GetKeyedService<IChatClient>(HeteroFrontier.ServiceKey)
            ?? throw new InvalidOperationException("Planning needs a frontier model: set Hetero:Frontier:Model (environment HETERO__FRONTIER__MODEL), Hetero:Frontier:Endpoint, and the API key variable.");

        var counting = new UsageCountingChatClient(frontier);
        var trace = new PlanTraceFilter(_timeProvider, _options.TraceTextLimit);
        var builder = Kernel.CreateBuilder();
        // SK runs its automatic function-calling loop (with the kernel's filters) in this middleware.
        builder.Services.AddChatClient(counting).UseKernelFunctionInvocation();
        builder.Services.AddSingleton<IAutoFunctionInvocationFilter>(trace);
        if (_services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var kernel = builder.Build();
        kernel.Plugins.AddHeteroAgents(_services);

        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var arguments = new KernelArguments(settings)
        {
            ["instructions"] = _options.Instructions,
            ["request"] = string.IsNullOrWhiteSpace(inputText) ? goal : goal + "\n\nInput:\n" + inputText,
        };

        var started = _timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        FunctionResult result;
        try
        {
            result = await kernel.InvokePromptAsync(PromptTemplate, arguments, cancellationToken: linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The run did not finish within {_options.Timeout} (Hetero:Planner:Timeout).", ex);
        }

        var answer = result.GetValue<string>() ?? result.ToString();
        return new PlannerResult(answer, trace.Steps, new TaskUsage(counting.InputTokens, counting.OutputTokens),
            counting.Requests, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }
}
