using System.Runtime.InteropServices;
using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding;

/// <summary>Masks when parallel threads (anyOf branches, group members) are each inside a different string.</summary>
public sealed partial class JsonSchemaConstraint
{
    private ulong[] _rows = [];

    /// <summary>
    /// A token made only of string content keeps exactly the threads whose content mask has it; with groups, the
    /// threads that remain must also keep their group instances viable. So the mask is the union of the cached content
    /// masks (narrowed through the groups' formulas lane by lane, as the step's pruning would), plus a full-state walk
    /// of the tokens that contain a quote.
    /// </summary>
    private bool TryStringUnionFastPath(Span<uint> mask, StateSet s)
    {
        for (var t = 0; t < s.Count; t++)
        {
            ref var top = ref s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
            if (top.Kind != Frame.String || top.State != 0)
            {
                return false;
            }

            var spec = _machine.Strings[top.Spec];
            if (!(spec.NamesDfa is not null && spec.Reach is null) && !spec.SharedDfa)
            {
                return false;
            }
        }

        if (!_machine.HasGroups || !_machine.HasGroupFrames(s))
        {
            for (var t = 0; t < s.Count; t++)
            {
                var top = s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
                OrContent(mask, _machine.Strings[top.Spec], top);
            }
        }
        else
        {
            var width = (_vocabulary.MaskWords + 1) / 2;
            if (_rows.Length < width * s.Count)
            {
                _rows = new ulong[width * s.Count];
            }

            var rows = _rows.AsSpan(0, width * s.Count);
            rows.Clear();
            for (var t = 0; t < s.Count; t++)
            {
                var top = s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
                OrContent(MemoryMarshal.Cast<ulong, uint>(rows.Slice(t * width, width)), _machine.Strings[top.Spec], top);
            }

            _machine.NarrowByGroups(s, rows, width);
            for (var t = 0; t < s.Count; t++)
            {
                var bits = MemoryMarshal.Cast<ulong, uint>(rows.Slice(t * width, width));
                for (var i = 0; i < mask.Length && i < bits.Length; i++)
                {
                    mask[i] |= bits[i];
                }
            }
        }

        Walk(_vocabulary.QuoteTrie, 0, 0, mask);
        return true;
    }
}
