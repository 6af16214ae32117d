using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding;

/// <summary>
/// Constrains one generation to a <see cref="CompiledGrammar"/> over a <see cref="TokenVocabulary"/>: token masks,
/// advancing, rollback and forced continuations. Not thread-safe; one instance per generation.
/// </summary>
public sealed partial class JsonSchemaConstraint : ITokenConstraint
{
    private readonly JsonMachine _machine;
    private readonly TokenVocabulary _vocabulary;
    private readonly RunContext _context = new();
    private readonly List<(StateSet State, bool Ended)> _history = [];
    private readonly Stack<StateSet> _pool = new();
    private readonly StateSet[] _levels;
    private StateSet _state;
    private StateSet _scratchA;
    private StateSet _scratchB;
    private bool _ended;

    internal JsonSchemaConstraint(CompiledGrammar grammar, TokenVocabulary vocabulary)
    {
        _machine = grammar.Machine;
        _vocabulary = vocabulary;
        _masks = grammar.MasksFor(vocabulary);
        _state = _machine.NewStateSet(_context);
        _machine.Reset(_state);
        _scratchA = _machine.NewStateSet(_context);
        _scratchB = _machine.NewStateSet(_context);
        _levels = new StateSet[vocabulary.MaxTokenBytes + 2];
    }

    /// <summary>Number of tokens consumed so far (what <see cref="Rollback"/> can undo).</summary>
    public int TokenCount => _history.Count;

    /// <inheritdoc />
    public bool IsAccepting => !_ended && _machine.IsAccepting(_state);

    /// <inheritdoc />
    public bool IsComplete => _ended || (_machine.IsAccepting(_state) && !AnyByteAllowed());

    /// <inheritdoc />
    public bool TryAdvance(int tokenId)
    {
        if (_ended)
        {
            return false;
        }

        if (_vocabulary.EndOfSequenceTokenIds.Contains(tokenId))
        {
            if (!_machine.IsAccepting(_state))
            {
                return false;
            }

            Save();
            _ended = true;
            return true;
        }

        var bytes = _vocabulary.GetBytes(tokenId);
        return !bytes.IsEmpty && TryAdvanceBytes(bytes);
    }

    /// <summary>Consumes raw bytes as one step of history (e.g. forced bytes). False, with no change, if not allowed.</summary>
    public bool TryAdvanceBytes(ReadOnlySpan<byte> bytes)
    {
        if (_ended)
        {
            return false;
        }

        var src = _state;
        foreach (var b in bytes)
        {
            var dst = ReferenceEquals(src, _scratchA) ? _scratchB : _scratchA;
            _machine.Step(src, b, dst);
            if (dst.Count == 0)
            {
                return false;
            }

            src = dst;
        }

        Save();
        _state.CopyFrom(src);
        return true;
    }

    /// <summary>Undoes the last <paramref name="tokens"/> advances (for speculative decoding).</summary>
    public void Rollback(int tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tokens, _history.Count);
        for (var i = 0; i < tokens; i++)
        {
            var (state, ended) = _history[^1];
            _history.RemoveAt(_history.Count - 1);
            _pool.Push(_state);
            _state = state;
            _ended = ended;
        }
    }

    /// <summary>Restarts from the beginning of the document.</summary>
    public void Reset()
    {
        Rollback(_history.Count);
    }

    private void Save()
    {
        var copy = _pool.Count > 0 ? _pool.Pop() : _machine.NewStateSet(_context);
        copy.CopyFrom(_state);
        _history.Add((copy, _ended));
    }

    private bool AnyByteAllowed()
    {
        for (var b = 0; b < 256; b++)
        {
            _machine.Step(_state, b, _scratchA);
            if (_scratchA.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
