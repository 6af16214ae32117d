using HeteroAgents.Decoding.Regex;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>The compiled, immutable grammar: value nodes and the specs they point to. Node 0 is the root.</summary>
internal sealed class GrammarTables
{
    public List<ValueNode> Nodes { get; } = [];

    public List<ObjectSpec> Objects { get; } = [];

    public List<ArraySpec> Arrays { get; } = [];

    public List<StringSpec> Strings { get; } = [];

    public List<NumberSpec> Numbers { get; } = [];

    public List<ByteDfa> Literals { get; } = [];

    public List<GroupSpec> Groups { get; } = [];

    public int Root { get; set; }
}
