namespace HeteroAgents.Security;

/// <summary>
/// Reads a secret from a file, the way Docker and Kubernetes secrets are mounted (<c>/run/secrets/NAME</c>): the
/// whole file is the secret, less one trailing line break. Settings ending in <c>File</c> (e.g.
/// <c>Hetero:Messaging:RabbitMq:PasswordFile</c>) name such files.
/// </summary>
public static class SecretFile
{
    /// <summary>Largest accepted secret file: a secret is a password or key, not a document.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads the secret at <paramref name="path"/>; <paramref name="setting"/> names the setting in errors.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable, empty or too large; the message names the setting and the path, never the content.</exception>
    public static string Read(string path, string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        if (Problem(path, setting) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return TrimLineBreak(File.ReadAllText(path));
    }

    /// <summary>Why the secret file at <paramref name="path"/> cannot be used, or null when it can. Never includes the content.</summary>
    public static string? Problem(string path, string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{setting} is empty; set it to the path of a file holding the secret.";
        }

        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return $"{setting} names '{path}', which does not exist.";
            }

            if (info.Length > MaxBytes)
            {
                return $"{setting} names '{path}', which holds {info.Length} bytes; a secret file holds at most {MaxBytes}.";
            }

            return TrimLineBreak(File.ReadAllText(path)).Length == 0 ? $"{setting} names '{path}', which is empty." : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{setting} names '{path}', which cannot be read: {ex.GetType().Name}.";
        }
    }

    /// <summary>Reads the file when <paramref name="path"/> is set and usable; otherwise returns <paramref name="fallback"/> (validation reports the problem).</summary>
    public static string? ReadOrDefault(string? path, string setting, string? fallback) =>
        string.IsNullOrWhiteSpace(path) || Problem(path, setting) is not null ? fallback : Read(path, setting);

    private static string TrimLineBreak(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
        : text.EndsWith('\n') ? text[..^1]
        : text;
}
