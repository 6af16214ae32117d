using HeteroAgents.Decoding.Regex;
using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Builds <see cref="GrammarTables"/> from normalized schemas.</summary>
internal sealed partial class GrammarBuilder
{
    private const int MaxAlternatives = 64;
    private readonly SchemaNormalizer _normalizer = new();
    private readonly Dictionary<int, int> _nodeBySchema = [];
    private readonly List<(int Node, List<byte[]> Values, int BaseNode)> _deferredEnums = [];
    private readonly SchemaInfo _any = new("#");
    private readonly Dictionary<(int, int, int), int> _stringSpecs = [];
    private readonly Dictionary<NumberSpec, int> _numberSpecs = [];

    public GrammarTables Tables { get; } = new();

    /// <summary>Enum nodes whose values still need filtering against the rest of their schema.</summary>
    public IReadOnlyList<(int Node, List<byte[]> Values, int BaseNode)> DeferredEnums => _deferredEnums;

    public int NodeFor(SchemaInfo? raw)
    {
        raw ??= _any;
        if (_nodeBySchema.TryGetValue(raw.Id, out var id))
        {
            return id;
        }

        id = NewNode();
        _nodeBySchema[raw.Id] = id;
        var branches = Expand(_normalizer.Normalize(raw), raw.Pointer)
            .Where(b => !b.IsFalse && (b.Types != JsonTypes.None))
            .ToList();
        if (branches.Count == 1)
        {
            FillLeaf(Tables.Nodes[id], branches[0]);
        }
        else if (branches.Count > 1)
        {
            var leaves = branches.Select(b =>
            {
                var leaf = NewNode();
                FillLeaf(Tables.Nodes[leaf], b);
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
        Tables.Nodes.Add(new ValueNode());
        return Tables.Nodes.Count - 1;
    }

    private List<SchemaInfo> Expand(SchemaInfo n, string pointer)
    {
        if (n.Alternatives.Count == 0)
        {
            return [n];
        }

        var rest = n.CopyBase();
        rest.Alternatives.AddRange(n.Alternatives.Skip(1));
        var result = new List<SchemaInfo>();
        foreach (var member in n.Alternatives[0])
        {
            var merged = _normalizer.Merge(rest, _normalizer.Normalize(member));
            if (merged.IsFalse)
            {
                continue;
            }

            result.AddRange(Expand(merged, pointer));
            if (result.Count > MaxAlternatives)
            {
                throw new SchemaCompilationException("anyOf", pointer, $"more than {MaxAlternatives} alternatives after expanding anyOf/oneOf");
            }
        }

        return result;
    }

    /// <summary>Merges leaves into one node when their first bytes never overlap (e.g. anyOf [X, null]).</summary>
    private bool TryCombine(ValueNode target, int[] leaves)
    {
        var seen = 0;
        var literalBits = 0;
        foreach (var l in leaves)
        {
            var n = Tables.Nodes[l];
            if (n.IsEnum || n.Branches is not null)
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

    private void FillLeaf(ValueNode node, SchemaInfo s)
    {
        if (s.Enum is not null)
        {
            var baseSchema = s.CopyBase();
            baseSchema.Enum = null;
            var baseNode = NewNode();
            FillLeaf(Tables.Nodes[baseNode], baseSchema);
            node.IsEnum = true;
            _deferredEnums.Add((Tables.Nodes.IndexOf(node), s.Enum, baseNode));
            return;
        }

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

    private int BuildString(SchemaInfo s)
    {
        var dfa = DfaCache.AnyString;
        foreach (var (pattern, keyword, pointer) in s.Patterns)
        {
            try
            {
                var p = DfaCache.Pattern(pattern);
                dfa = ReferenceEquals(dfa, DfaCache.AnyString) ? p : DfaCache.Intersect(dfa, p);
            }
            catch (RegexUnsupportedException ex)
            {
                throw new SchemaCompilationException(keyword, pointer, ex.Message);
            }
        }

        if (s.MaxLength >= 0 && s.MaxLength < s.MinLength)
        {
            return -1;
        }

        var key = (dfa.Id, s.MinLength, s.MaxLength);
        if (_stringSpecs.TryGetValue(key, out var existing))
        {
            return existing;
        }

        Tables.Strings.Add(new StringSpec { Dfa = dfa, MinLength = s.MinLength, MaxLength = s.MaxLength, SharedDfa = s.Patterns.Count <= 1 });
        return _stringSpecs[key] = Tables.Strings.Count - 1;
    }
}
