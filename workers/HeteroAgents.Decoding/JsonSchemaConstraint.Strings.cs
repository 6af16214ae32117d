using HeteroAgents.Decoding.Runtime;
using HeteroAgents.Decoding.Vocabulary;

namespace HeteroAgents.Decoding;

/// <summary>
/// The walk where every thread is inside a string of its own (parallel branches or group members each writing a
/// different string): a byte of content changes only each thread's string frame, so only those frames are stepped,
/// and the full state is rebuilt only where a string ends (or, with groups, where a thread refuses the byte: that
/// can make a group instance fail and take other threads with it, which only the full step decides).
/// Without groups a thread that refuses a byte simply drops out, as in the full step.
/// </summary>
public sealed partial class JsonSchemaConstraint
{
    private Frame[][] _stringTops = [];
    private int[][] _stringThreads = [];

    /// <summary>True when <paramref name="s"/> has several threads, each with a string frame on top in its plain lexer state.</summary>
    private bool AllInPlainStrings(StateSet s)
    {
        if (s.Count < 2 || _machine.NeedsTranscript)
        {
            return false;
        }

        for (var t = 0; t < s.Count; t++)
        {
            ref var top = ref s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
            if (top.Kind != Frame.String || top.State != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Walks below <paramref name="node"/> from <c>_levels[depth]</c>, whose threads are all in plain strings.</summary>
    private void WalkStrings(TokenTrie trie, int node, int depth, Span<uint> mask)
    {
        var s = _levels[depth];
        EnsureStringLevels(depth, s.Count);
        var tops = _stringTops[depth];
        var threads = _stringThreads[depth];
        for (var t = 0; t < s.Count; t++)
        {
            tops[t] = s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
            threads[t] = t;
        }

        WalkStrings(trie, node, depth, depth, s.Count, _machine.HasGroups && _machine.HasGroupFrames(s), mask);
    }

    private void WalkStrings(TokenTrie trie, int node, int baseDepth, int depth, int n, bool groups, Span<uint> mask)
    {
        EnsureStringLevels(depth + 1, n);
        var tops = _stringTops[depth];
        var threads = _stringThreads[depth];
        var nextTops = _stringTops[depth + 1];
        var nextThreads = _stringThreads[depth + 1];
        var edgeEnd = trie.EdgeStart[node + 1];
        for (var e = trie.EdgeStart[node]; e < edgeEnd; e++)
        {
            var b = trie.EdgeByte[e];
            var m = 0;
            var refused = false;
            var closed = false;
            for (var i = 0; i < n; i++)
            {
                var f = tops[i];
                switch (JsonMachine.StepString(ref f, b, _machine.Strings[f.Spec]))
                {
                    case JsonMachine.StrConsumed:
                        nextTops[m] = f;
                        nextThreads[m++] = threads[i];
                        break;
                    case JsonMachine.StrRejected:
                        refused = true;
                        break;
                    default:
                        closed = true;
                        break;
                }
            }

            var child = trie.EdgeChild[e];
            var hasChildren = trie.EdgeStart[child] != trie.EdgeStart[child + 1];
            if (!closed && !(refused && groups))
            {
                if (m > 0)
                {
                    MarkTokens(trie, child, mask);
                    if (hasChildren)
                    {
                        WalkStrings(trie, child, baseDepth, depth + 1, m, groups, mask);
                    }
                }

                continue;
            }

            // Rebuild the state before this byte and step the byte for real.
            var mat = Materialize(baseDepth, depth, n);
            var next = _levels[depth + 1] ??= _machine.NewStateSet(_context);
            _machine.Step(mat, b, next);
            if (next.Count == 0)
            {
                continue;
            }

            MarkTokens(trie, child, mask);
            if (hasChildren)
            {
                Walk(trie, child, depth + 1, mask);
            }
        }
    }

    /// <summary>The threads <c>_stringThreads[depth][..n]</c> of <c>_levels[baseDepth]</c> with their string frames from <c>_stringTops[depth]</c>.</summary>
    private StateSet Materialize(int baseDepth, int depth, int n)
    {
        var baseSet = _levels[baseDepth];
        var mat = _materialized ??= _machine.NewStateSet(_context);
        mat.EnsureSlot(n - 1);
        mat.Count = n;
        mat.Position = baseSet.Position + (depth - baseDepth);
        var max = mat.MaxFrames;
        for (var i = 0; i < n; i++)
        {
            var t = _stringThreads[depth][i];
            var d = baseSet.Depths[t];
            mat.Depths[i] = d;
            baseSet.Frames.AsSpan(t * max, d).CopyTo(mat.Frames.AsSpan(i * max, max));
            mat.Frames[(i * max) + d - 1] = _stringTops[depth][i];
        }

        mat.Deduplicate(); // as the full steps would have done
        return mat;
    }

    private void EnsureStringLevels(int depth, int n)
    {
        if (_stringTops.Length <= depth)
        {
            Array.Resize(ref _stringTops, _levels.Length + 1);
            Array.Resize(ref _stringThreads, _levels.Length + 1);
        }

        if (_stringTops[depth] is not { } tops || tops.Length < n)
        {
            _stringTops[depth] = new Frame[Math.Max(n, 8)];
            _stringThreads[depth] = new int[Math.Max(n, 8)];
        }
    }
}
