using System.Diagnostics.CodeAnalysis;

namespace HeteroAgents.Inference.Hub;

/// <summary>
/// A model in the hub and the local model store: <c>owner/name[@revision]</c>, e.g. <c>HuggingFaceTB/SmolLM2-360M-Instruct@main</c>.
/// The one parser of that form (<c>--model</c>, <c>Hetero:Slm:ModelPath</c>, <c>hetero models pull</c>, the default model);
/// <see cref="ModelStore"/> maps a reference to its cache folder.
/// </summary>
/// <param name="Repository">The repository, <c>owner/name</c>.</param>
/// <param name="Revision">The branch, tag or commit; <see cref="DefaultRevision"/> when none is given.</param>
public sealed record ModelReference(string Repository, string Revision = ModelReference.DefaultRevision)
{
    /// <summary>The revision of a reference without <c>@revision</c>.</summary>
    public const string DefaultRevision = "main";

    /// <summary>The <c>name</c> of <c>owner/name</c>: the model's display name (reported as <c>served_by: slm:&lt;name&gt;</c>).</summary>
    public string Name => Repository[(Repository.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>Whether the revision differs from <see cref="DefaultRevision"/>.</summary>
    public bool HasRevision => !string.Equals(Revision, DefaultRevision, StringComparison.Ordinal);

    /// <summary>
    /// Reads <paramref name="value"/> as <c>owner/name[@revision]</c>: two non-empty segments that are not <c>.</c>, <c>..</c>
    /// or <c>~…</c>, not a rooted path, no backslash, and a non-empty revision after <c>@</c> when there is one. A folder path
    /// such as <c>/models/tiny</c> or <c>../tiny</c> is not a reference.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ModelReference? reference)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(value) || Path.IsPathRooted(value) || value.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        if (at == 0 || at == value.Length - 1)
        {
            return false;
        }

        var repository = at > 0 ? value[..at] : value;
        var parts = repository.Split('/');
        if (parts.Length != 2 || !parts.All(p => p.Length > 0 && p is not "." and not ".." && !p.StartsWith('~')))
        {
            return false;
        }

        reference = new ModelReference(repository, at > 0 ? value[(at + 1)..] : DefaultRevision);
        return true;
    }

    /// <summary>Reads <paramref name="value"/> as <c>owner/name[@revision]</c> (see <see cref="TryParse"/>).</summary>
    /// <exception cref="FormatException">The value does not have that form.</exception>
    public static ModelReference Parse(string value) =>
        TryParse(value, out var reference) ? reference : throw new FormatException($"'{value}' is not a model reference; expected owner/name[@revision].");

    /// <summary>The command that pulls this model into the store.</summary>
    public string PullCommand => "hetero models pull " + Repository + (HasRevision ? " --revision " + Revision : string.Empty);

    /// <summary><c>owner/name@revision</c>.</summary>
    public override string ToString() => Repository + "@" + Revision;
}
