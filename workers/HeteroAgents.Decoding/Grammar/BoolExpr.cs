namespace HeteroAgents.Decoding.Grammar;

/// <summary>The operators of a <see cref="BoolExpr"/>.</summary>
internal enum BoolOp
{
    Member,
    True,
    And,
    Or,
    Not,
    ExactlyOne,
}

/// <summary>
/// A boolean formula over the members of a group (whether each member's schema matched the value). Evaluated exactly
/// when the value ends, and as a viability test while it is still being written.
/// </summary>
internal sealed class BoolExpr
{
    private BoolExpr(BoolOp op, int member, BoolExpr[] args)
    {
        Op = op;
        Member = member;
        Args = args;
        Depth = 1 + (args.Length == 0 ? 0 : args.Max(a => a.Depth));
    }

    /// <summary>Nesting depth (scratch rows <see cref="ViableRows"/> needs).</summary>
    public int Depth { get; }

    public BoolOp Op { get; }

    public int Member { get; }

    public BoolExpr[] Args { get; }

    public static BoolExpr True { get; } = new(BoolOp.True, -1, []);

    public static BoolExpr Of(int member) => new(BoolOp.Member, member, []);

    /// <summary>Conjunction (true when empty).</summary>
    public static BoolExpr And(params BoolExpr[] args) => args.Length == 1 ? args[0] : new(BoolOp.And, -1, args);

    /// <summary>Disjunction (false when empty).</summary>
    public static BoolExpr Or(params BoolExpr[] args) => args.Length == 1 ? args[0] : new(BoolOp.Or, -1, args);

    public static BoolExpr Not(BoolExpr x) => x.Op == BoolOp.Not ? x.Args[0] : new(BoolOp.Not, -1, [x]);

    public static BoolExpr ExactlyOne(params BoolExpr[] args) => new(BoolOp.ExactlyOne, -1, args);

    /// <summary>The value of the formula when exactly the members in <paramref name="matched"/> matched.</summary>
    public bool Evaluate(ulong matched)
    {
        switch (Op)
        {
            case BoolOp.Member: return (matched >> Member & 1) != 0;
            case BoolOp.True: return true;
            case BoolOp.Not: return !Args[0].Evaluate(matched);
            case BoolOp.And:
                foreach (var a in Args)
                {
                    if (!a.Evaluate(matched))
                    {
                        return false;
                    }
                }

                return true;
            case BoolOp.Or:
                foreach (var a in Args)
                {
                    if (a.Evaluate(matched))
                    {
                        return true;
                    }
                }

                return false;
            default:
                var n = 0;
                foreach (var a in Args)
                {
                    if (a.Evaluate(matched) && ++n > 1)
                    {
                        return false;
                    }
                }

                return n == 1;
        }
    }

    /// <summary>
    /// Viability while the value is unfinished, lane by lane on whole rows: <paramref name="alive"/> holds one row of
    /// <paramref name="width"/> words per member, bit k of member m's row saying whether m can still match in lane k
    /// (a member that cannot is false, one that can is unknown); bit k of the <paramref name="result"/> row is set
    /// when the formula can still come out true. Monotone: negations are never false before the end, so viability
    /// only needs the members still alive. Uses <paramref name="scratch"/> (<see cref="Depth"/> × width words).
    /// </summary>
    public void ViableRows(ReadOnlySpan<ulong> alive, int width, Span<ulong> result, Span<ulong> scratch)
    {
        switch (Op)
        {
            case BoolOp.Member:
                alive.Slice(Member * width, width).CopyTo(result);
                return;
            case BoolOp.True or BoolOp.Not:
                result.Fill(ulong.MaxValue);
                return;
            case BoolOp.And:
                result.Fill(ulong.MaxValue);
                break;
            default:
                result.Clear();
                break;
        }

        var temp = scratch[..width];
        foreach (var a in Args)
        {
            a.ViableRows(alive, width, temp, scratch[width..]);
            if (Op == BoolOp.And)
            {
                Rows.And(result, temp);
            }
            else
            {
                Rows.Or(result, temp);
            }
        }
    }

    /// <summary>
    /// Three-valued value over up to 128 atoms: an atom in <paramref name="known"/> is true, one in
    /// <paramref name="open"/> may still become either, the others are false. Returns -1 false, 0 unknown, 1 true.
    /// </summary>
    public int Evaluate3(UInt128 known, UInt128 open)
    {
        switch (Op)
        {
            case BoolOp.Member: return (known >> Member & 1) != 0 ? 1 : (open >> Member & 1) != 0 ? 0 : -1;
            case BoolOp.True: return 1;
            case BoolOp.Not: return -Args[0].Evaluate3(known, open);
            case BoolOp.And:
                var and = 1;
                foreach (var a in Args)
                {
                    and = Math.Min(and, a.Evaluate3(known, open));
                    if (and < 0)
                    {
                        return -1;
                    }
                }

                return and;
            case BoolOp.Or:
                var or = -1;
                foreach (var a in Args)
                {
                    or = Math.Max(or, a.Evaluate3(known, open));
                    if (or > 0)
                    {
                        return 1;
                    }
                }

                return or;
            default:
                int ones = 0, unknowns = 0;
                foreach (var a in Args)
                {
                    var v = a.Evaluate3(known, open);
                    ones += v > 0 ? 1 : 0;
                    unknowns += v == 0 ? 1 : 0;
                }

                return ones > 1 || ones + unknowns == 0 ? -1 : ones == 1 && unknowns == 0 ? 1 : 0;
        }
    }

    /// <summary>The members the formula mentions.</summary>
    public IEnumerable<int> Members() => Op == BoolOp.Member ? [Member] : Args.SelectMany(a => a.Members());
}
