using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>
/// The whole-message size limit of <see cref="HeteroPluginOptions"/> (<see cref="HeteroPluginOptions.MaxInputBytes"/>),
/// checked before a task is published so an oversized call fails at once with an <see cref="ArgumentException"/> naming
/// its size and the limit. The text limit (<see cref="HeteroPluginOptions.MaxTextChars"/>) is one of the shared
/// <see cref="TaskInputRules"/>, checked by <see cref="TaskArgumentChecks"/>; run this after those rules, which reject
/// shapes that cannot be serialized (a tool without parameters).
/// </summary>
public static class TaskInputSizeLimits
{
    /// <summary>Checks <paramref name="task"/>, serialized as JSON, against <see cref="HeteroPluginOptions.MaxInputBytes"/>.</summary>
    /// <exception cref="ArgumentException">The message is over the limit; <see cref="ArgumentException.ParamName"/> is <c>input</c>.</exception>
    public static void Check(ITaskMessage task, HeteroPluginOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(task, task.GetType(), HeteroJson.Options).Length;
        if (bytes > options.MaxInputBytes)
        {
            throw new ArgumentException(
                $"the {task.Type.ToWireName()} task is {bytes} bytes as JSON; the limit is {options.MaxInputBytes} (Hetero:Plugins:MaxInputBytes). Nothing was published.", "input");
        }
    }
}
