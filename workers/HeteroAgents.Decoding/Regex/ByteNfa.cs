namespace HeteroAgents.Decoding.Regex;

/// <summary>A Thompson NFA over bytes, built from regex nodes and literal byte strings, with tagged accept states.</summary>
internal sealed class ByteNfa
{
    private const int MaxStates = 60_000;
    private readonly List<List<(byte Lo, byte Hi, int To)>> _edges = [];
    private readonly List<List<int>> _eps = [];
    private readonly List<int> _tag = [];

    public ByteNfa() => Start = NewState();

    public int Start { get; }

    public int Count => _edges.Count;

    public IReadOnlyList<(byte Lo, byte Hi, int To)> Edges(int s) => _edges[s];

    public IReadOnlyList<int> Epsilons(int s) => _eps[s];

    public int Tag(int s) => _tag[s];

    public int NewState()
    {
        if (_edges.Count >= MaxStates)
        {
            throw new RegexUnsupportedException("pattern is too large (automaton state limit)");
        }

        _edges.Add([]);
        _eps.Add([]);
        _tag.Add(-1);
        return _edges.Count - 1;
    }

    /// <summary>Adds a branch from <see cref="Start"/> matching <paramref name="node"/> and accepting with <paramref name="tag"/>.</summary>
    public void AddPattern(RegexNode node, int tag)
    {
        var end = NewState();
        Build(node, Start, end);
        _tag[end] = tag;
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
        _tag[end] = tag;
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
