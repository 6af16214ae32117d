namespace HeteroAgents.Worker.Options;

/// <summary>Recognises a model-store alias, <c>owner/name[@revision]</c>, as opposed to a folder path.</summary>
public static class ModelAlias
{
    /// <summary>Whether <paramref name="value"/> has the shape <c>owner/name[@revision]</c> (two non-empty, non-dot segments, not rooted).</summary>
    public static bool IsAlias(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || Path.IsPathRooted(value) || value.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        var repo = at > 0 ? value[..at] : value;
        if (at > 0 && at == value.Length - 1)
        {
            return false;
        }

        var parts = repo.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p is not "." and not ".." && !p.StartsWith('~'));
    }

    /// <summary>The model's display name: the <c>name</c> of <c>owner/name[@revision]</c>.</summary>
    public static string Name(string alias)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        var at = alias.LastIndexOf('@');
        var repo = at > 0 ? alias[..at] : alias;
        return repo[(repo.IndexOf('/', StringComparison.Ordinal) + 1)..];
    }
}
