namespace HeteroAgents.Decoding.Regex;

/// <summary>
/// A Thompson NFA over bytes, built from regex nodes, literal byte strings and embedded DFAs, with tagged accept states.
/// Anchors are conditional epsilon edges: <c>^</c> only at the start of the input, <c>$</c> only at its end.
/// </summary>
internal sealed class ByteNfa
{
    private const int MaxStates = 60_000;
    private readonly List<List<(byte Lo, byte Hi, int To)>> _edges = [];
    private readonly List<List<int>> _eps = [];
    private readonly List<int> _tag = [];
    private readonly List<List<int>> _bol = [];
    private readonly List<List<int>> _eol = [];
    private readonly HashSet<int> _tagsUsed = [];

    public ByteNfa() => Start = NewState();

    public int Start { get; }

    public int Count => _edges.Count;

    public IReadOnlyList<(byte Lo, byte Hi, int To)> Edges(int s) => _edges[s];

    public IReadOnlyList<int> Epsilons(int s) => _eps[s];

    public int Tag(int s) => _tag[s];

    /// <summary>Epsilon edges taken only at the start of the input (<c>^</c>).</summary>
    public IReadOnlyList<int> StartEpsilons(int s) => _bol[s];

    /// <summary>Epsilon edges taken only at the end of the input (<c>$</c>).</summary>
    public IReadOnlyList<int> EndEpsilons(int s) => _eol[s];

    /// <summary>Whether some anchor edge exists (the DFA builder then tracks start and end).</summary>
    public bool HasAnchors { get; private set; }

    /// <summary>
    /// The state from which every (UTF-8) string is accepted, entered by <see cref="AddPatternThenAnything"/>; -1 when
    /// there is none. When all branches accept with one tag, a DFA state that contains it accepts everything from
    /// there on whatever else it contains, so the DFA builder collapses such states into one.
    /// </summary>
    public int Universal { get; private set; } = -1;

    /// <summary>Whether every branch accepts with the same tag.</summary>
    public bool HasSingleTag => _tagsUsed.Count == 1;

    public int NewState()
    {
        if (_edges.Count >= MaxStates)
        {
            throw new RegexUnsupportedException("pattern is too large (automaton state limit)");
        }

        _edges.Add([]);
        _eps.Add([]);
        _tag.Add(-1);
        _bol.Add([]);
        _eol.Add([]);
        return _edges.Count - 1;
    }

    /// <summary>Adds a branch from <see cref="Start"/> matching <paramref name="node"/> and accepting with <paramref name="tag"/>.</summary>
    public void AddPattern(RegexNode node, int tag)
    {
        var end = NewState();
        Build(node, Start, end);
        SetTag(end, tag);
    }

    /// <summary>
    /// Adds a branch from <see cref="Start"/> matching <paramref name="node"/> followed by any string, accepting with
    /// <paramref name="tag"/>: the same language as <c>node[\s\S]*</c>, but every such branch shares one
    /// <see cref="Universal"/> tail (the unanchored end of a search pattern).
    /// </summary>
    public void AddPatternThenAnything(RegexNode node, int tag)
    {
        if (Universal < 0)
        {
            Universal = NewState();
            Build(new RegexCharSet(CharRanges.Any), Universal, Universal);
            var end = NewState();
            _eps[Universal].Add(end);
            SetTag(end, tag);
        }
        else if (!_tagsUsed.Contains(tag))
        {
            throw new ArgumentException("every branch ending in the shared tail must use the tail's tag", nameof(tag));
        }

        Build(node, Start, Universal);
    }

    private void SetTag(int state, int tag)
    {
        _tag[state] = tag;
        _tagsUsed.Add(tag);
    }

    /// <summary>Adds a branch from <see cref="Start"/> running <paramref name="dfa"/>, accepting with <paramref name="tag"/> where it accepts.</summary>
    public void AddDfa(ByteDfa dfa, int tag)
    {
        var states = new int[dfa.StateCount];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = NewState();
        }

        var end = NewState();
        SetTag(end, tag);
        _eps[Start].Add(states[0]);
        for (var i = 0; i < states.Length; i++)
        {
            if (dfa.IsAccepting(i))
            {
                _eps[states[i]].Add(end);
            }

            for (var b = 0; b < 256; b++)
            {
                var t = dfa.Next[(i << 8) | b];
                if (t < 0)
                {
                    continue;
                }

                var hi = b;
                while (hi < 255 && dfa.Next[(i << 8) | (hi + 1)] == t)
                {
                    hi++;
                }

                _edges[states[i]].Add(((byte)b, (byte)hi, states[t]));
                b = hi;
            }
        }
    }

    /// <summary>Adds a branch from <see cref="Start"/> matching exactly <paramref name="bytes"/>.</summary>
    public void AddLiteral(ReadOnlySpan<byte> bytes, int tag)
    {
        var s = Start;
        foreach (var b in bytes)
        {
            var t = NewState();
            _edges[s].Add((b, b, t));
            s = t;
        }

        var end = NewState();
        _eps[s].Add(end);
        SetTag(end, tag);
    }

    private void Build(RegexNode node, int from, int to)
    {
        switch (node)
        {
            case RegexCharSet set:
                foreach (var (lo, hi) in set.Ranges)
                {
                    foreach (var seq in Utf8Sequences.Of(lo, hi))
                    {
                        var s = from;
                        for (var i = 0; i < seq.Length; i++)
                        {
                            var t = i == seq.Length - 1 ? to : NewState();
                            _edges[s].Add((seq[i].Lo, seq[i].Hi, t));
                            s = t;
                        }
                    }
                }

                break;
            case RegexConcat concat:
                var cur = from;
                for (var i = 0; i < concat.Items.Count; i++)
                {
                    var next = i == concat.Items.Count - 1 ? to : NewState();
                    Build(concat.Items[i], cur, next);
                    cur = next;
                }

                if (concat.Items.Count == 0)
                {
                    _eps[from].Add(to);
                }

                break;
            case RegexAlternation alt:
                foreach (var item in alt.Items)
                {
                    var s = NewState();
                    var t = NewState();
                    _eps[from].Add(s);
                    Build(item, s, t);
                    _eps[t].Add(to);
                }

                break;
            case RegexRepeat rep:
                BuildRepeat(rep, from, to);
                break;
            case RegexAnchor anchor:
                (anchor.IsStart ? _bol : _eol)[from].Add(to);
                HasAnchors = true;
                break;
            default:
                throw new RegexUnsupportedException($"unsupported regex construct {node.GetType().Name}");
        }
    }

    private void BuildRepeat(RegexRepeat rep, int from, int to)
    {
        if (rep.Min > 1000 || rep.Max > 1000)
        {
            throw new RegexUnsupportedException("repetition count above 1000");
        }

        var cur = from;
        for (var i = 0; i < rep.Min; i++)
        {
            var next = NewState();
            Build(rep.Item, cur, next);
            cur = next;
        }

        if (rep.Max < 0)
        {
            var loop = NewState();
            _eps[cur].Add(loop);
            var back = NewState();
            Build(rep.Item, loop, back);
            _eps[back].Add(loop);
            _eps[loop].Add(to);
            return;
        }

        _eps[cur].Add(to);
        for (var i = rep.Min; i < rep.Max; i++)
        {
            var next = NewState();
            Build(rep.Item, cur, next);
            _eps[next].Add(to);
            cur = next;
        }
    }
}
