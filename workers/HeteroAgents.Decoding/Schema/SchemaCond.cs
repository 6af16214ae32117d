using HeteroAgents.Decoding.Grammar;

namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// A boolean condition over whole subschemas (leaves), e.g. <c>not</c> S, exactly one of <c>oneOf</c>'s branches,
/// or (<c>if</c> and <c>then</c>) or (not <c>if</c> and <c>else</c>). Compiled into a group formula.
/// </summary>
internal sealed class SchemaCond
{
    private SchemaCond(BoolOp op, SchemaInfo? leaf, SchemaCond[] args)
    {
        Op = op;
        Leaf = leaf;
        Args = args;
    }

    public BoolOp Op { get; }

    /// <summary>For <see cref="BoolOp.Member"/>: the schema the value must match.</summary>
    public SchemaInfo? Leaf { get; }

    public SchemaCond[] Args { get; }

    public static SchemaCond True { get; } = new(BoolOp.True, null, []);

    /// <summary>The value matches <paramref name="schema"/> (null: any value, i.e. true).</summary>
    public static SchemaCond Of(SchemaInfo? schema) => schema is null ? True : new(BoolOp.Member, schema, []);

    public static SchemaCond And(params SchemaCond[] args) => new(BoolOp.And, null, args);

    public static SchemaCond Or(params SchemaCond[] args) => new(BoolOp.Or, null, args);

    public static SchemaCond Not(SchemaCond x) => new(BoolOp.Not, null, [x]);

    public static SchemaCond ExactlyOne(params SchemaCond[] args) => new(BoolOp.ExactlyOne, null, args);

    /// <summary>The formula with each leaf replaced by <paramref name="leaf"/>'s formula.</summary>
    public BoolExpr Map(Func<SchemaInfo, BoolExpr> leaf) => Op switch
    {
        BoolOp.Member => leaf(Leaf!),
        BoolOp.True => BoolExpr.True,
        BoolOp.And => BoolExpr.And([.. Args.Select(a => a.Map(leaf))]),
        BoolOp.Or => BoolExpr.Or([.. Args.Select(a => a.Map(leaf))]),
        BoolOp.Not => BoolExpr.Not(Args[0].Map(leaf)),
        _ => BoolExpr.ExactlyOne([.. Args.Select(a => a.Map(leaf))]),
    };

    /// <summary>The value of the condition when each leaf's value is <paramref name="leaf"/>.</summary>
    public bool Evaluate(Func<SchemaInfo, bool> leaf) => Op switch
    {
        BoolOp.Member => leaf(Leaf!),
        BoolOp.True => true,
        BoolOp.And => Args.All(a => a.Evaluate(leaf)),
        BoolOp.Or => Args.Any(a => a.Evaluate(leaf)),
        BoolOp.Not => !Args[0].Evaluate(leaf),
        _ => Args.Count(a => a.Evaluate(leaf)) == 1,
    };

    /// <summary>The leaves (subschemas) of the condition.</summary>
    public IEnumerable<SchemaInfo> Leaves() => Op == BoolOp.Member ? [Leaf!] : Args.SelectMany(a => a.Leaves());

    /// <summary>The formula over member indexes, assigning each distinct leaf an index through <paramref name="index"/>.</summary>
    public BoolExpr ToExpr(Func<SchemaInfo, int> index) => Op switch
    {
        BoolOp.Member => BoolExpr.Of(index(Leaf!)),
        BoolOp.True => BoolExpr.True,
        BoolOp.And => BoolExpr.And([.. Args.Select(a => a.ToExpr(index))]),
        BoolOp.Or => BoolExpr.Or([.. Args.Select(a => a.ToExpr(index))]),
        BoolOp.Not => BoolExpr.Not(Args[0].ToExpr(index)),
        _ => BoolExpr.ExactlyOne([.. Args.Select(a => a.ToExpr(index))]),
    };
}
