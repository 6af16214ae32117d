using HeteroAgents.Decoding.Grammar;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>Objects, arrays and child completion.</summary>
internal sealed partial class JsonMachine
{
    private const int Again = 3;

    // Object states.
    private const int OAfterOpen = 0, OInKey = 1, OAfterKey = 2, OInValue = 3, OAfterValue = 4, OAfterComma = 5;

    // Array states.
    private const int AAfterOpen = 0, AInValue = 1, AAfterValue = 2;

    private static UInt128 Seen(in Frame f) => new((ulong)f.D, (ulong)f.C);

    /// <summary>
    /// The value above <paramref name="depth"/> ended (<paramref name="consumed"/>: with the current byte, which is
    /// otherwise still to be stepped by the parent). Updates the parent; returns <see cref="Ok"/>, <see cref="Reject"/>,
    /// or <see cref="Arrived"/> when the parent is a group frame (the join happens after the step).
    /// </summary>
    private int ChildDone(Span<Frame> f, int depth, bool consumed, int report, in Cursor c)
    {
        ref var parent = ref f[depth - 1];
        switch (parent.Kind)
        {
            case Frame.Root:
                parent.State = 1;
                return Ok;
            case Frame.Group:
                parent.A = consumed ? 1 : 2;
                parent.E = report;
                return Arrived;
            case Frame.Array:
                return ItemDone(ref parent, consumed, report, c) ? Ok : Reject;
            case Frame.Object:
                if (parent.State == OInValue)
                {
                    parent.State = OAfterValue;
                    parent.W = 0;
                    return Ok;
                }

                var spec = _objects[parent.Spec];
                var (prop, node) = spec.KeyTargets[spec.KeyDfa.Accept[f[depth].A]];
                if (prop >= 0)
                {
                    var bit = UInt128.One << prop;
                    var seen = Seen(parent);
                    if ((seen & bit) != 0 || (spec.Forbidden & bit) != 0)
                    {
                        return Reject;
                    }

                    if (_schemaOrder && (prop <= parent.A || (seen & spec.RequiredBefore[prop]) != spec.RequiredBefore[prop]))
                    {
                        return Reject;
                    }

                    seen |= bit;
                    if (spec.Presence is { } presence && presence.Evaluate3(seen, ~seen & ~spec.Forbidden) < 0)
                    {
                        return Reject; // no set of further names can satisfy the presence conditions
                    }

                    parent.C = (long)(ulong)seen;
                    parent.D = (long)(ulong)(seen >> 64);
                    parent.A = prop;
                }

                parent.B++;
                if (spec.MaxProperties >= 0 && parent.B > spec.MaxProperties)
                {
                    return Reject;
                }

                parent.E = node;
                parent.State = OAfterKey;
                parent.W = 0;
                return Ok;
            default:
                return Reject;
        }
    }

    /// <summary>The properties (low 64) that may be the next key: unseen, and in schema order not skipping a required one.</summary>
    private ulong AllowedKeys(in Frame o, ObjectSpec spec)
    {
        var seen = Seen(o);
        var n = spec.Names.Length;
        var all = n >= 128 ? UInt128.MaxValue : (UInt128.One << n) - 1;
        var open = all & ~seen & ~spec.Forbidden;
        if (_schemaOrder)
        {
            if (o.A >= 0)
            {
                open &= ~((UInt128.One << (o.A + 1)) - 1);
            }

            var missingRequired = spec.RequiredMask & ~seen & open;
            if (missingRequired != 0)
            {
                var first = (int)UInt128.TrailingZeroCount(missingRequired);
                open &= first >= 127 ? UInt128.MaxValue : (UInt128.One << (first + 1)) - 1;
            }
        }

        return (ulong)open;
    }

    private static bool CanClose(in Frame o, ObjectSpec spec)
    {
        var seen = Seen(o);
        if ((seen & spec.RequiredMask) != spec.RequiredMask || o.B < spec.MinProperties)
        {
            return false;
        }

        foreach (var (property, required) in spec.Dependencies)
        {
            if ((seen >> property & 1) != 0 && (seen & required) != required)
            {
                return false;
            }
        }

        return spec.Presence is null || spec.Presence.Evaluate3(seen, UInt128.Zero) > 0;
    }

    private bool CanAddMore(in Frame o, ObjectSpec spec)
    {
        if (spec.MaxProperties >= 0 && o.B >= spec.MaxProperties)
        {
            return false;
        }

        if (spec.AllowsOtherKeys)
        {
            return true;
        }

        var all = spec.Names.Length == 128 ? UInt128.MaxValue : (UInt128.One << spec.Names.Length) - 1;
        var open = all & ~Seen(o) & ~spec.Forbidden;
        if (_schemaOrder && o.A >= 0)
        {
            open &= ~((UInt128.One << (o.A + 1)) - 1);
        }

        return open != 0;
    }

    private int StepObject(Span<Frame> f, ref int depth, int b, in Cursor c)
    {
        ref var o = ref f[depth - 1];
        if (b == Eof)
        {
            return Reject;
        }

        if (IsWs(b))
        {
            return o.State != OInKey && o.State != OInValue && TakeWs(ref o) ? Ok : Reject;
        }

        var spec = _objects[o.Spec];
        switch (o.State)
        {
            case OAfterOpen or OAfterComma when b == '"':
                if (depth >= MaxFrames)
                {
                    return Overflowed;
                }

                o.State = OInKey;
                o.W = 0;
                f[depth++] = Frame.Of(Frame.String, spec.KeyString);
                f[depth - 1].D = (long)AllowedKeys(o, spec);
                return Ok;
            case OAfterOpen or OAfterValue when b == '}':
                if (!CanClose(o, spec))
                {
                    return Reject;
                }

                depth--;
                return ChildDone(f, depth, true, 0, c);
            case OAfterKey when b == ':':
                if (o.N >= _maxNesting)
                {
                    return Reject;
                }

                if (depth >= MaxFrames)
                {
                    return Overflowed;
                }

                o.State = OInValue;
                o.W = 0;
                f[depth] = Frame.Of(Frame.Value, o.E);
                f[depth++].N = o.N + 1;
                return Ok;
            case OAfterValue when b == ',':
                if (!CanAddMore(o, spec))
                {
                    return Reject;
                }

                o.State = OAfterComma;
                o.W = 0;
                return Ok;
            default:
                return Reject;
        }
    }

    private int StepArray(Span<Frame> f, ref int depth, int b, in Cursor c)
    {
        ref var a = ref f[depth - 1];
        if (b == Eof)
        {
            return Reject;
        }

        if (IsWs(b))
        {
            return a.State != AInValue && TakeWs(ref a) ? Ok : Reject;
        }

        var spec = _arrays[a.Spec];
        if (b == ']' && a.State != AInValue)
        {
            if (!CanCloseArray(a, spec))
            {
                return Reject;
            }

            depth--;
            return ChildDone(f, depth, true, 0, c);
        }

        if (a.State == AAfterValue && b == ',')
        {
            if ((spec.MaxItems >= 0 && a.B >= spec.MaxItems) || spec.ItemNode(a.B) < 0 || a.N >= _maxNesting)
            {
                return Reject;
            }

            if (depth >= MaxFrames)
            {
                return Overflowed;
            }

            a.State = AInValue;
            a.W = 0;
            a.D = c.Position + 1; // the item starts after the comma
            f[depth] = Frame.Of(Frame.Value, spec.ItemNode(a.B));
            f[depth++].N = a.N + 1;
            a.B++;
            return Ok;
        }

        if (a.State == AAfterOpen)
        {
            if (spec.MaxItems == 0 || spec.ItemNode(0) < 0 || a.N >= _maxNesting)
            {
                return Reject;
            }

            if (depth >= MaxFrames)
            {
                return Overflowed;
            }

            a.State = AInValue;
            a.W = 0;
            a.B = 1;
            a.D = c.Position;
            f[depth] = Frame.Of(Frame.Value, spec.ItemNode(0));
            f[depth++].N = a.N + 1;
            return Again;
        }

        return Reject;
    }
}
