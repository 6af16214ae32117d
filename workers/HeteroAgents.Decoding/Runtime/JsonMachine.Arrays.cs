using HeteroAgents.Decoding.Grammar;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>Array items: <c>contains</c> counters, <c>uniqueItems</c>, and the end-of-array checks.</summary>
internal sealed partial class JsonMachine
{
    /// <summary>An item ended; <paramref name="report"/> bit 0 says it matched the <c>contains</c> schema.</summary>
    private bool ItemDone(ref Frame a, bool consumed, int report, in Cursor c)
    {
        a.State = AAfterValue;
        a.W = 0;
        var spec = _arrays[a.Spec];
        if ((report & 1) != 0 && ++a.A > spec.Contains[0].Max && spec.Contains[0].Max >= 0)
        {
            return false;
        }

        if ((report & 2) != 0 && ++a.E > spec.Contains[1].Max && spec.Contains[1].Max >= 0)
        {
            return false;
        }

        if (spec.UniqueItems)
        {
            // The item's text is in the transcript; its canonical form must differ from every earlier item's.
            var end = consumed ? c.Position + 1 : c.Position;
            var canonical = CanonicalJson.Of(c.Context.Slice(a.D, end));
            var head = (int)a.C;
            if (canonical is null || c.Context.Contains(head, canonical))
            {
                return false;
            }

            a.C = c.Context.Append(head, canonical);
        }

        return true;
    }

    private static bool CanCloseArray(in Frame a, ArraySpec spec) =>
        a.B >= spec.MinItems && (spec.Contains.Length < 1 || a.A >= spec.Contains[0].Min) && (spec.Contains.Length < 2 || a.E >= spec.Contains[1].Min);
}
