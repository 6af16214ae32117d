using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>
/// The size limits of <see cref="HeteroPluginOptions"/> (<see cref="HeteroPluginOptions.MaxTextChars"/>,
/// <see cref="HeteroPluginOptions.MaxInputBytes"/>), checked before a task is published so an oversized call fails at
/// once with an <see cref="ArgumentException"/> naming the field, its size and the limit.
/// </summary>
public static class TaskInputSizeLimits
{
    /// <summary>Checks <paramref name="task"/> against the limits in <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A text or the whole message is over its limit; <see cref="ArgumentException.ParamName"/> names the field.</exception>
    public static void Check(ITaskMessage task, HeteroPluginOptions options)
    {
        CheckTextLength(task, options);
        CheckMessageSize(task, options);
    }

    /// <summary>Checks the task's text (or tool-call request) against <see cref="HeteroPluginOptions.MaxTextChars"/>; cheap, so it runs first.</summary>
    /// <exception cref="ArgumentException">The text is over the limit; <see cref="ArgumentException.ParamName"/> names the field.</exception>
    public static void CheckTextLength(ITaskMessage task, HeteroPluginOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        var (field, text) = task switch
        {
            ClassifyTask c => ("text", c.Input?.Text),
            ExtractTask e => ("text", e.Input?.Text),
            ToolCallTask t => ("request", t.Input?.Request),
            SummarizeTask s => ("text", s.Input?.Text),
            _ => ("text", null),
        };

        if (text is not null && text.Length > options.MaxTextChars)
        {
            throw new ArgumentException(
                $"{field} has {text.Length} characters; the limit is {options.MaxTextChars} (Hetero:Plugins:MaxTextChars). Nothing was published.", field);
        }
    }

    /// <summary>
    /// Checks the whole task, serialized as JSON, against <see cref="HeteroPluginOptions.MaxInputBytes"/>; run it after the
    /// input rules, which reject shapes that cannot be serialized (a tool without parameters).
    /// </summary>
    /// <exception cref="ArgumentException">The message is over the limit; <see cref="ArgumentException.ParamName"/> is <c>input</c>.</exception>
    public static void CheckMessageSize(ITaskMessage task, HeteroPluginOptions options)
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
