using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>Options of <see cref="PiiScrubber"/>, bound from <c>Hetero:Flywheel:Scrub</c>.</summary>
public sealed class PiiScrubberOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Flywheel:Scrub";

    /// <summary>Terms to replace with <c>&lt;TERM&gt;</c> wherever they occur as whole words (case-insensitive).</summary>
    public List<string> Terms { get; set; } = [];

    /// <summary>Files of further terms, one per line (blank lines and lines starting with <c>#</c> ignored).</summary>
    public List<string> TermFiles { get; set; } = [];

    /// <summary>The kinds to find; empty means all.</summary>
    public List<PiiType> Types { get; set; } = [];

    /// <summary>Whether an IPv4-shaped number right after a word such as <c>version</c>, <c>v</c> or <c>build</c> is left alone. Default true.</summary>
    public bool SkipVersionLikeIPv4 { get; set; } = true;

    /// <summary>Every term: <see cref="Terms"/> plus the lines of <see cref="TermFiles"/>.</summary>
    public IReadOnlyList<string> AllTerms()
    {
        var terms = new List<string>(Terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()));
        foreach (var file in TermFiles)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"PII term file '{file}' (Hetero:Flywheel:Scrub:TermFiles) does not exist.", file);
            }

            terms.AddRange(File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
        }

        return terms;
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var file in TermFiles.Where(f => !File.Exists(f)))
        {
            yield return new ValidationResult($"Term file '{file}' does not exist.", [nameof(TermFiles)]);
        }
    }
}
