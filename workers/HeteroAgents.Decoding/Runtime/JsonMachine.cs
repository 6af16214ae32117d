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
    private const int Reject = 0, Ok = 1, Fork = 2;

    private readonly ValueNode[] _nodes;
    private readonly ObjectSpec[] _objects;
    private readonly ArraySpec[] _arrays;
    private readonly StringSpec[] _strings;
    private readonly NumberSpec[] _numbers;
    private readonly Regex.ByteDfa[] _literals;
    private readonly bool _compact;
    private readonly int _maxWhitespace;
    private readonly bool _schemaOrder;

    public JsonMachine(GrammarTables tables, JsonSchemaCompilerOptions options)
    {
        _nodes = [.. tables.Nodes];
        _objects = [.. tables.Objects];
        _arrays = [.. tables.Arrays];
        _strings = [.. tables.Strings];
        _numbers = [.. tables.Numbers];
        _literals = [.. tables.Literals];
        _compact = options.Whitespace == WhitespaceMode.Compact;
        _maxWhitespace = options.MaxConsecutiveWhitespace;
        _schemaOrder = options.PropertyOrder == PropertyOrderMode.SchemaOrder;
        MaxFrames = options.MaxNesting + 2; // root, one frame per open container, one for the innermost scalar or key
        Root = tables.Root;
    }

    public int MaxFrames { get; }

    public int Root { get; }

    internal StringSpec[] Strings => _strings;

    internal NumberSpec[] Numbers => _numbers;

    public const int MaxThreads = 64;

    public StateSet NewStateSet() => new(MaxFrames, MaxThreads);

    public void Reset(StateSet s)
    {
        s.Count = 1;
        s.Depths[0] = 2;
        s.Frames[0] = Frame.Of(Frame.Root, 0);
        s.Frames[1] = Frame.Of(Frame.Value, Root);
    }

    /// <summary>Steps every thread of <paramref name="src"/> over <paramref name="b"/> (or <see cref="Eof"/>) into <paramref name="dst"/>.</summary>
    public void Step(StateSet src, int b, StateSet dst)
    {
        dst.Count = 0;
        var max = MaxFrames;
        for (var t = 0; t < src.Count; t++)
        {
            var slot = dst.Count;
            if (slot >= dst.MaxThreads)
            {
                break;
            }

            var depth = src.Depths[t];
            var frames = dst.Frames.AsSpan(slot * max, max);
            src.Frames.AsSpan(t * max, depth).CopyTo(frames);
            var r = StepInPlace(frames, ref depth, b);
            if (r == Ok)
            {
                dst.Depths[slot] = depth;
                dst.Count++;
            }
            else if (r == Fork)
            {
                StepFork(frames, depth, b, dst);
            }
        }

        if (dst.Count > 1)
        {
            dst.Deduplicate();
        }
    }

    private void StepFork(Span<Frame> forkFrames, int forkDepth, int b, StateSet dst)
    {
        var max = MaxFrames;
        Span<Frame> saved = stackalloc Frame[forkDepth];
        forkFrames[..forkDepth].CopyTo(saved);
        foreach (var branch in _nodes[saved[forkDepth - 1].Spec].Branches!)
        {
            var slot = dst.Count;
            if (slot >= dst.MaxThreads)
            {
                return;
            }

            var frames = dst.Frames.AsSpan(slot * max, max);
            saved.CopyTo(frames);
            frames[forkDepth - 1].Spec = branch;
            var depth = forkDepth;
            if (StepInPlace(frames, ref depth, b) == Ok)
            {
                dst.Depths[slot] = depth;
                dst.Count++;
            }
        }
    }

    /// <summary>True when some thread can end here (end of input accepted).</summary>
    public bool IsAccepting(StateSet s)
    {
        Span<Frame> tmp = stackalloc Frame[MaxFrames];
        for (var t = 0; t < s.Count; t++)
        {
            var depth = s.Depths[t];
            s.Thread(t).CopyTo(tmp);
            if (StepInPlace(tmp, ref depth, Eof) == Ok)
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

    private int StepInPlace(Span<Frame> f, ref int depth, int b)
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

                        if (node.IsEnum || b is not ('{' or '[' or '"' or '-' or (>= '0' and <= '9')))
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
                                return Ok;
                            case '[':
                                if (node.Array < 0)
                                {
                                    return Reject;
                                }

                                top = Frame.Of(Frame.Array, node.Array);
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
                                return Ok;
                            }
                        }

                        if (!dfa.IsAccepting(top.A))
                        {
                            return Reject;
                        }

                        depth--;
                        if (!ChildDone(f, depth))
                        {
                            return Reject;
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
                        if (!ChildDone(f, depth))
                        {
                            return Reject;
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
                        return ChildDone(f, depth) ? Ok : Reject;
                    }

                case Frame.Object:
                    return StepObject(f, ref depth, b);
                case Frame.Array:
                    {
                        var r = StepArray(f, ref depth, b);
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
