namespace HeteroAgents.IntegrationTests.BadInput;

/// <summary>One bad-input case: the raw line and the outcome the manifest expects for it.</summary>
/// <param name="File">The corpus file the line comes from.</param>
/// <param name="Index">The 0-based line index in that file.</param>
/// <param name="Id">The manifest's name of the case.</param>
/// <param name="Line">The line's bytes (markers filled), without terminator.</param>
/// <param name="Expect">An error code of <c>TaskErrorCodes</c>, <c>accepted</c> or <c>skipped</c>.</param>
/// <param name="ChecksField">Whether the manifest names the field (possibly null) the error must name.</param>
/// <param name="Field">The expected <c>error.field</c>.</param>
/// <param name="FieldPrefix">When set, <c>error.field</c> must start with it.</param>
/// <param name="Status">For accepted lines, a required status (<c>completed</c> or <c>escalated</c>), if any.</param>
/// <param name="Reason">For escalated lines, a required escalation reason, if any.</param>
internal sealed record CorpusCase(
    string File, int Index, string Id, byte[] Line, string Expect, bool ChecksField, string? Field, string? FieldPrefix, string? Status, string? Reason)
{
    public const string Accepted = "accepted";
    public const string Skipped = "skipped";

    public string Name => $"{File}:{Index + 1} ({Id})";

    public bool ExpectsError => Expect is not (Accepted or Skipped);
}
