namespace HeteroAgents.Decoding.Schema;

/// <summary>A schema document's dialect: its draft (4, 6, 7, 2019, 2020) and the keywords it does not know.</summary>
internal sealed record DocumentDialect(int Draft, HashSet<string> Ignored)
{
    /// <summary>Draft-07 and earlier ignore every keyword next to <c>$ref</c>; later drafts apply them.</summary>
    public bool RefOverridesSiblings => Draft <= 7;

    /// <summary>
    /// The keyword that gives a schema its identifier: <c>id</c> up to draft-04 (where <c>$id</c> is an unknown
    /// keyword), <c>$id</c> from draft-06 on.
    /// </summary>
    public string IdKeyword => Draft <= 4 ? "id" : "$id";
}
