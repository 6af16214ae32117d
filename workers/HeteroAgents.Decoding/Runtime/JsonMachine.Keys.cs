namespace HeteroAgents.Decoding.Runtime;

/// <summary>Parse states as cache keys: what of a frame can change the future of the parse, and nothing else.</summary>
internal sealed partial class JsonMachine
{
    /// <summary>
    /// Rewrites <paramref name="f"/> (a frame of a state at <paramref name="position"/>) so that two states with the
    /// same future get the same frames. Only for grammars without <see cref="NeedsTranscript"/>: group instances are
    /// compared only with each other and with instances started later (at fresh positions), so only their distance
    /// from the current position matters; an array's item start is read only for <c>uniqueItems</c>; counters
    /// saturate at the largest bound they are compared with; an object's last property matters only in schema order.
    /// </summary>
    public void NormalizeForKey(ref Frame f, long position)
    {
        switch (f.Kind)
        {
            case Frame.Group:
                f.C = position - f.C;
                break;
            case Frame.Array:
                {
                    var spec = _arrays[f.Spec];
                    f.D = 0;
                    f.B = Math.Min(f.B, Math.Max(spec.Prefix.Length, Math.Max(spec.MinItems, spec.MaxItems)));
                    break;
                }

            case Frame.Object:
                {
                    var spec = _objects[f.Spec];
                    f.B = Math.Min(f.B, Math.Max(spec.MinProperties, spec.MaxProperties));
                    if (!_schemaOrder)
                    {
                        f.A = -1;
                    }

                    break;
                }
        }
    }
}
