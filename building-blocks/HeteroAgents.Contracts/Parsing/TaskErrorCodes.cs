namespace HeteroAgents.Contracts;

/// <summary>The stable <see cref="TaskError.Code"/> values for batch input that could not be turned into a task.</summary>
public static class TaskErrorCodes
{
    /// <summary>The line is not valid UTF-8.</summary>
    public const string InvalidUtf8 = "invalid_utf8";

    /// <summary>The line is not a JSON value.</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>The line is longer than the configured byte limit.</summary>
    public const string LineTooLong = "line_too_long";

    /// <summary>The line is JSON but not an object, or has an unknown top-level member.</summary>
    public const string InvalidLine = "invalid_line";

    /// <summary><c>custom_id</c> is missing, empty or not a string.</summary>
    public const string MissingCustomId = "missing_custom_id";

    /// <summary>Another line of the same batch already used this <c>custom_id</c>.</summary>
    public const string DuplicateCustomId = "duplicate_custom_id";

    /// <summary><c>task</c> is missing or not a string.</summary>
    public const string MissingTask = "missing_task";

    /// <summary><c>task</c> names no known task type.</summary>
    public const string UnknownTask = "unknown_task";

    /// <summary>The <c>input</c> object does not have the shape the task type needs.</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>An extract <c>schema</c> or a tool's <c>parameters</c> is not a usable JSON schema.</summary>
    public const string InvalidSchema = "invalid_schema";

    /// <summary>A text field is longer than the configured character limit.</summary>
    public const string TextTooLarge = "text_too_large";

    /// <summary>The batch was cancelled before the task produced an outcome.</summary>
    public const string Cancelled = "cancelled";
}
