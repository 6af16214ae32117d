using System.Runtime.CompilerServices;
using HeteroAgents.Decoding.Grammar;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// The byte-level pushdown automaton of a compiled grammar. Stateless apart from its immutable tables: every
/// method works on caller-owned <see cref="StateSet"/>s, so one machine is shared by all constraints of a grammar.
/// </summary>
internal sealed partial class JsonMachine
{
    public const int Eof = -1;
    private const int Reject = 0, Ok = 1, Fork = 2, Arrived = 4, GroupStart = 5, Overflowed = 6;

    private readonly ValueNode[] _nodes;
    private readonly ObjectSpec[] _objects;
    private readonly ArraySpec[] _arrays;
    private readonly StringSpec[] _strings;
    private readonly NumberSpec[] _numbers;
    private readonly Regex.ByteDfa[] _literals;
    private readonly GroupSpec[] _groups;
    private readonly bool _compact;
    private readonly int _maxWhitespace;
    private readonly bool _schemaOrder;
    private readonly int _maxNesting;
    private readonly int _maxNumberDigits;
    private readonly int _maxNumberExponent;

    public JsonMachine(GrammarTables tables, JsonSchemaCompilerOptions options)
    {
        _nodes = [.. tables.Nodes];
        _objects = [.. tables.Objects];
        _arrays = [.. tables.Arrays];
        _strings = [.. tables.Strings];
        _numbers = [.. tables.Numbers];
        _literals = [.. tables.Literals];
        _groups = [.. tables.Groups];
        NeedsTranscript = _arrays.Any(a => a.UniqueItems);
        _compact = options.Whitespace == WhitespaceMode.Compact;
        _maxWhitespace = options.MaxConsecutiveWhitespace;
        _schemaOrder = options.PropertyOrder == PropertyOrderMode.SchemaOrder;
        _maxNesting = options.MaxNesting;
        _maxNumberDigits = options.MaxNumberDigits;
        _maxNumberExponent = options.MaxNumberExponent;

        // Root, one frame per open container and one for the innermost scalar or key, plus room for group frames.
        MaxFrames = (2 * options.MaxNesting) + 8;
        Root = tables.Root;
    }

    public int MaxFrames { get; }

    public int Root { get; }

    /// <summary>Whether the grammar has groups (then steps run the join and pruning passes).</summary>
    public bool HasGroups => _groups.Length > 0;

    /// <summary>Whether steps must record their bytes (only <c>uniqueItems</c> reads them back).</summary>
    public bool NeedsTranscript { get; }

    internal StringSpec[] Strings => _strings;

    internal NumberSpec[] Numbers => _numbers;

    /// <summary>A fresh state set for a run with its own <see cref="RunContext"/>.</summary>
    public StateSet NewStateSet() => new(MaxFrames, 4, new RunContext());

    /// <summary>A fresh state set sharing <paramref name="context"/> (all sets of one constraint share one).</summary>
    public StateSet NewStateSet(RunContext context) => new(MaxFrames, 4, context);

    public void Reset(StateSet s) => Start(s, Root);

    private static void Start(StateSet s, int node)
    {
        s.Count = 1;
        s.Position = 0;
        s.Depths[0] = 2;
        s.Frames[0] = Frame.Of(Frame.Root, 0);
        s.Frames[1] = Frame.Of(Frame.Value, node);
    }

    /// <summary>Steps every thread of <paramref name="src"/> over <paramref name="b"/> (or <see cref="Eof"/>) into <paramref name="dst"/>.</summary>
    public void Step(StateSet src, int b, StateSet dst)
    {
        dst.Count = 0;
        dst.HasArrivals = false;
        dst.Overflow = false;
        dst.Changed = false;
        dst.Position = src.Position + 1;
        var pos = src.Position;
        if (NeedsTranscript)
        {
            dst.Context.Record(pos, b);
        }

        var max = MaxFrames;
        for (var t = 0; t < src.Count; t++)
        {
            if (dst.Count >= dst.Depths.Length && !dst.EnsureSlot(dst.Count))
            {
                break;
            }

            var depth = src.Depths[t];
            src.Frames.AsSpan(t * max, depth).CopyTo(dst.Frames.AsSpan(dst.Count * max, max));
            Run(dst, depth, b, pos);
        }

        if (dst.HasArrivals && !dst.Overflow)
        {
            ResolveJoins(dst, b, pos);
        }

        if (dst.Overflow)
        {
            dst.Count = 0; // fail closed: never decide with threads missing
            return;
        }

        if (_groups.Length > 0 && dst.Count > 0 && dst.Changed)
        {
            Prune(dst); // when every thread just took the byte, the instances are as viable as before
        }

        if (dst.Count > 1)
        {
            dst.Deduplicate();
        }
    }

    /// <summary>Steps the thread written at slot <c>dst.Count</c> (<paramref name="depth"/> frames) and commits what results.</summary>
    private void Run(StateSet dst, int depth, int b, long pos)
    {
        var slot = dst.Count;
        var frames = dst.Frames.AsSpan(slot * MaxFrames, MaxFrames);
        switch (StepInPlace(frames, ref depth, b, new Cursor(dst.Context, pos)))
        {
            case Ok:
                dst.Depths[slot] = depth;
                dst.Count = slot + 1;
                return;
            case Arrived:
                dst.Depths[slot] = depth;
                dst.Count = slot + 1;
                dst.HasArrivals = dst.Changed = true;
                return;
            case Fork or GroupStart:
                dst.Changed = true;
                Expand(dst, depth, b, pos);
                return;
            case Overflowed:
                dst.Overflow = true;
                return;
            default:
                dst.Changed = true;
                return;
        }
    }

    /// <summary>The thread at slot <c>dst.Count</c> starts a value at a node with branches or a group: one thread per branch or member.</summary>
    private void Expand(StateSet dst, int depth, int b, long pos)
    {
        var max = MaxFrames;
        Span<Frame> saved = stackalloc Frame[depth];
        dst.Frames.AsSpan(dst.Count * max, depth).CopyTo(saved);
        ref readonly var top = ref saved[depth - 1];
        var node = _nodes[top.Spec];
        if (node.Branches is { } branches)
        {
            foreach (var branch in branches)
            {
                if (!dst.EnsureSlot(dst.Count))
                {
                    return;
                }

                var f = dst.Frames.AsSpan(dst.Count * max, max);
                saved.CopyTo(f);
                f[depth - 1].Spec = branch;
                Run(dst, depth, b, pos);
            }

            return;
        }

        if (depth >= max)
        {
            dst.Overflow = true;
            return;
        }

        var group = _groups[node.Group];
        for (var m = 0; m < group.Members.Length; m++)
        {
            if (!dst.EnsureSlot(dst.Count))
            {
                return;
            }

            var f = dst.Frames.AsSpan(dst.Count * max, max);
            saved.CopyTo(f);
            f[depth - 1] = new Frame { Kind = Frame.Group, Spec = node.Group, State = m, C = pos, N = top.N };
            f[depth] = Frame.Of(Frame.Value, group.Members[m]);
            f[depth].N = top.N;
            Run(dst, depth + 1, b, pos);
        }
    }

    /// <summary>True when some thread can end here (end of input accepted).</summary>
    public bool IsAccepting(StateSet s)
    {
        if (s.Count == 0)
        {
            return false;
        }

        if (_groups.Length > 0)
        {
            // Group joins may happen at the end of input: the full step decides.
            var scratch = s.EofScratch ??= new StateSet(MaxFrames, 4, s.Context);
            Step(s, Eof, scratch);
            return scratch.Count > 0;
        }

        Span<Frame> tmp = stackalloc Frame[MaxFrames];
        var cursor = new Cursor(s.Context, s.Position);
        for (var t = 0; t < s.Count; t++)
        {
            var depth = s.Depths[t];
            s.Thread(t).CopyTo(tmp);
            if (StepInPlace(tmp, ref depth, Eof, cursor) == Ok)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWs(int b) => b is ' ' or '\n' or '\r' or '\t';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TakeWs(ref Frame f) => !_compact && ++f.W <= _maxWhitespace;

    private int StepInPlace(Span<Frame> f, ref int depth, int b, in Cursor c)
    {
        while (true)
        {
            ref var top = ref f[depth - 1];
            switch (top.Kind)
            {
                case Frame.Root:
                    return top.State == 1 && (b == Eof || (IsWs(b) && TakeWs(ref top))) ? Ok : Reject;
                case Frame.Value:
                    {
                        if (b == Eof)
                        {
                            return Reject;
                        }

                        if (IsWs(b))
                        {
                            return TakeWs(ref top) ? Ok : Reject;
                        }

                        var node = _nodes[top.Spec];
                        if (node.Branches is not null)
                        {
                            return Fork;
                        }

                        if (node.Group >= 0)
                        {
                            return GroupStart;
                        }

                        var level = top.N;
                        if (b is not ('{' or '[' or '"' or '-' or (>= '0' and <= '9')))
                        {
                            if (node.Literal < 0)
                            {
                                return Reject;
                            }

                            top = Frame.Of(Frame.Literal, node.Literal);
                            continue;
                        }

                        switch (b)
                        {
                            case '{':
                                if (node.Object < 0)
                                {
                                    return Reject;
                                }

                                top = Frame.Of(Frame.Object, node.Object);
                                top.N = level;
                                return Ok;
                            case '[':
                                if (node.Array < 0)
                                {
                                    return Reject;
                                }

                                top = Frame.Of(Frame.Array, node.Array);
                                top.N = level;
                                top.C = -1;
                                return Ok;
                            case '"':
                                if (node.String < 0)
                                {
                                    return Reject;
                                }

                                top = Frame.Of(Frame.String, node.String);
                                return Ok;
                            default:
                                if (node.Number < 0)
                                {
                                    return Reject;
                                }

                                top = Frame.Of(Frame.Number, node.Number);
                                continue;
                        }
                    }

                case Frame.Literal:
                    {
                        var dfa = _literals[top.Spec];
                        if (b >= 0)
                        {
                            var next = dfa.Next[(top.A << 8) | b];
                            if (next >= 0)
                            {
                                top.A = next;
                                if (b is '"' or '}' or ']' && dfa.IsAccepting(next))
                                {
                                    // A string, object or array ends at its closing byte, as in the lexers (groups join there).
                                    depth--;
                                    return ChildDone(f, depth, true, 0, c);
                                }

                                return Ok;
                            }
                        }

                        if (!dfa.IsAccepting(top.A))
                        {
                            return Reject;
                        }

                        depth--;
                        var r = ChildDone(f, depth, false, 0, c);
                        if (r != Ok)
                        {
                            return r;
                        }

                        continue;
                    }

                case Frame.Number:
                    {
                        var r = StepNumber(ref top, b);
                        if (r == NumConsumed)
                        {
                            return Ok;
                        }

                        if (r == NumRejected || !FinishNumber(ref top))
                        {
                            return Reject;
                        }

                        depth--;
                        var done = ChildDone(f, depth, false, 0, c);
                        if (done != Ok)
                        {
                            return done;
                        }

                        continue;
                    }

                case Frame.String:
                    {
                        var r = StepString(ref top, b);
                        if (r == StrConsumed)
                        {
                            return Ok;
                        }

                        if (r == StrRejected)
                        {
                            return Reject;
                        }

                        depth--;
                        return ChildDone(f, depth, true, 0, c);
                    }

                case Frame.Object:
                    return StepObject(f, ref depth, b, c);
                case Frame.Array:
                    {
                        var r = StepArray(f, ref depth, b, c);
                        if (r != Again)
                        {
                            return r;
                        }

                        continue;
                    }

                default:
                    return Reject;
            }
        }
    }
}
