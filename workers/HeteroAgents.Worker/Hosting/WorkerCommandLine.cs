using System.Diagnostics.CodeAnalysis;
using HeteroAgents.Contracts;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Configuration;

namespace HeteroAgents.Worker.Hosting;

/// <summary>The <c>hetero-worker</c> command line: <c>--task &lt;type&gt;</c> and <c>--model &lt;name&gt;</c> map onto configuration keys.</summary>
public static class WorkerCommandLine
{
    /// <summary>The usage text printed on a bad command line.</summary>
    public const string Usage =
        "usage: hetero-worker --task classify|extract|tool_call|summarize [--model <name|dir|owner/name[@rev]>] [--Hetero:Section:Key=value ...]\n" +
        "Configuration also comes from appsettings.json and HETERO__* environment variables (e.g. HETERO__SLM__ENDPOINT).";

    /// <summary>
    /// Switch mappings: <c>--task</c> → <c>Hetero:Worker:Task</c>, <c>--model</c> → <c>Hetero:Slm:Model</c> (a model
    /// folder, or a cached owner/name[@revision] when no endpoint is set, there becomes <c>Hetero:Slm:ModelPath</c>, served in-process by the <c>onnx</c> backend),
    /// <c>--endpoint</c> → <c>Hetero:Slm:Endpoint</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--task"] = WorkerOptions.SectionName + ":Task",
        ["--model"] = SlmOptions.SectionName + ":Model",
        ["--endpoint"] = SlmOptions.SectionName + ":Endpoint",
    };

    /// <summary>Adds the command line (with <see cref="SwitchMappings"/>) as the last, highest-priority configuration source.</summary>
    public static IConfigurationBuilder AddWorkerCommandLine(this IConfigurationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        return builder.AddCommandLine(args, SwitchMappings.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Reads the task type from <c>Hetero:Worker:Task</c>; <paramref name="error"/> explains a missing or unknown one.</summary>
    public static bool TryGetTaskType(IConfiguration configuration, [NotNullWhen(true)] out TaskType? type, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[WorkerOptions.SectionName + ":Task"];
        if (string.IsNullOrWhiteSpace(value))
        {
            type = null;
            error = "missing --task (or HETERO__WORKER__TASK): a worker serves exactly one task type.";
            return false;
        }

        if (!TaskTypes.TryParse(value, out type))
        {
            error = $"unknown task type '{value}' in --task; expected one of: classify, extract, tool_call, summarize.";
            return false;
        }

        error = null;
        return true;
    }
}
