using HeteroAgents.Decoding.Regex;
using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Builds <see cref="GrammarTables"/> from normalized schemas.</summary>
internal sealed partial class GrammarBuilder
{
    private const int MaxNodes = 200_000;
    private readonly SchemaNormalizer _normalizer;
    private readonly Dictionary<int, int> _nodeBySchema = [];
    private readonly SchemaInfo _any = new("#");
    private readonly Dictionary<(int, int, int), int> _stringSpecs = [];
    private readonly Dictionary<NumberSpec, int> _numberSpecs = [];

    /// <summary>Creates a builder; <paramref name="annotationExact"/> when the schema uses unevaluatedProperties/unevaluatedItems.</summary>
    public GrammarBuilder(bool annotationExact = false) => _normalizer = new SchemaNormalizer { AnnotationExact = annotationExact };

    public GrammarTables Tables { get; } = new();


    public int NodeFor(SchemaInfo? raw)
    {
        raw ??= _any;
        if (_nodeBySchema.TryGetValue(raw.Id, out var id))
        {
            return id;
        }

        id = NewNode();
        _nodeBySchema[raw.Id] = id;
        var normalized = _normalizer.LimitAlternatives(_normalizer.Normalize(raw));
        if (normalized.Checks.Count > 0 && !normalized.IsFalse && normalized.Types != JsonTypes.None)
        {
            BuildGroup(id, normalized, raw.Pointer);
            return id;
        }

        var branches = _normalizer.Expand(normalized, raw.Pointer)
            .Where(b => !b.IsFalse && (b.Types != JsonTypes.None))
            .ToList();
        if (branches.Count == 1)
        {
            FillLeaf(id, branches[0]);
        }
        else if (branches.Count > 1)
        {
            var leaves = branches.Select(b =>
            {
                var leaf = NewNode();
                FillLeaf(leaf, b);
                return leaf;
            }).ToArray();
            if (!TryCombine(Tables.Nodes[id], leaves))
            {
                Tables.Nodes[id].Branches = leaves;
            }
        }

        return id;
    }

    private int NewNode()
    {
        if (Tables.Nodes.Count >= MaxNodes)
        {
            throw new SchemaCompilationException("", "#", $"the grammar would need more than {MaxNodes} value nodes");
        }

        Tables.Nodes.Add(new ValueNode());
        return Tables.Nodes.Count - 1;
    }

    /// <summary>
    /// A group node: the value must match <paramref name="n"/> without its checks (member 0) and every check, each a
    /// formula over whole subschemas (the other members).
    /// </summary>
    private void BuildGroup(int id, SchemaInfo n, string pointer)
    {
        var baseSchema = n.CopyBase();
        baseSchema.Alternatives.AddRange(n.Alternatives);
        var members = new List<SchemaInfo> { baseSchema };
        var index = new Dictionary<int, int>();
        int Index(SchemaInfo leaf)
        {
            if (!index.TryGetValue(leaf.Id, out var i))
            {
                i = members.Count;
                members.Add(leaf);
                index[leaf.Id] = i;
            }

            return i;
        }

        var formula = BoolExpr.And([.. n.Checks.Select(c => c.ToExpr(Index))]);
        if (members.Count > 64)
        {
            throw new SchemaCompilationException("allOf", pointer, "more than 63 subschemas checked together at one value");
        }

        var g = Tables.Groups.Count;
        Tables.Groups.Add(null!);
        Tables.Nodes[id].Group = g;
        var nodes = new int[members.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = NodeFor(members[i]);
        }

        Tables.Groups[g] = new GroupSpec { Members = nodes, Formula = formula, Pointer = pointer };
    }

    /// <summary>Merges leaves into one node when their first bytes never overlap (e.g. anyOf [X, null]).</summary>
    private bool TryCombine(ValueNode target, int[] leaves)
    {
        var seen = 0;
        var literalBits = 0;
        foreach (var l in leaves)
        {
            var n = Tables.Nodes[l];
            if (n.Branches is not null || n.Group >= 0)
            {
                return false;
            }

            var bits = (n.Object >= 0 ? 1 : 0) | (n.Array >= 0 ? 2 : 0) | (n.String >= 0 ? 4 : 0) | (n.Number >= 0 ? 8 : 0);
            var lit = n.Literal >= 0 ? _literalKinds[n.Literal] : 0;
            if ((bits & seen) != 0 || (lit & literalBits) != 0)
            {
                return false;
            }

            seen |= bits;
            literalBits |= lit;
        }

        foreach (var l in leaves)
        {
            var n = Tables.Nodes[l];
            target.Object = n.Object >= 0 ? n.Object : target.Object;
            target.Array = n.Array >= 0 ? n.Array : target.Array;
            target.String = n.String >= 0 ? n.String : target.String;
            target.Number = n.Number >= 0 ? n.Number : target.Number;
        }

        target.Literal = literalBits == 0 ? -1 : KeywordLiteral(literalBits);
        return true;
    }

    // Literal index -> bit set of true(1)/false(2)/null(4) for keyword literals.
    private readonly Dictionary<int, int> _literalKinds = [];
    private readonly Dictionary<int, int> _keywordLiteralByKinds = [];

    private int KeywordLiteral(int kinds)
    {
        if (_keywordLiteralByKinds.TryGetValue(kinds, out var idx))
        {
            return idx;
        }

        var values = new List<byte[]>();
        if ((kinds & 1) != 0)
        {
            values.Add("true"u8.ToArray());
        }

        if ((kinds & 2) != 0)
        {
            values.Add("false"u8.ToArray());
        }

        if ((kinds & 4) != 0)
        {
            values.Add("null"u8.ToArray());
        }

        Tables.Literals.Add(DfaCache.Literals(values));
        idx = Tables.Literals.Count - 1;
        _literalKinds[idx] = kinds;
        _keywordLiteralByKinds[kinds] = idx;
        return idx;
    }

    private void FillLeaf(int id, SchemaInfo s)
    {
        if (s.Checks.Count > 0)
        {
            BuildGroup(id, s, s.Pointer);
            return;
        }

        if (s.Enum is not null)
        {
            FillEnum(id, s);
            return;
        }

        var node = Tables.Nodes[id];

        var t = s.Types;
        if ((t & JsonTypes.Object) != 0)
        {
            node.Object = BuildObject(s);
        }

        if ((t & JsonTypes.Array) != 0)
        {
            node.Array = BuildArray(s);
        }

        if ((t & JsonTypes.String) != 0)
        {
            node.String = BuildString(s);
        }

        if ((t & (JsonTypes.Number | JsonTypes.Integer)) != 0)
        {
            node.Number = BuildNumber(s);
        }

        var kinds = ((t & JsonTypes.Boolean) != 0 ? 3 : 0) | ((t & JsonTypes.Null) != 0 ? 4 : 0);
        node.Literal = kinds == 0 ? -1 : KeywordLiteral(kinds);
    }
}
