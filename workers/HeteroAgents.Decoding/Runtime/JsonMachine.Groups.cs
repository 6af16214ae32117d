using HeteroAgents.Decoding.Grammar;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// Groups: the threads of each member of a group instance run side by side over the same value; where the value ends
/// (its end is fixed by JSON syntax, so every member that matches arrives at the same byte), the members that arrived
/// are joined and the group's formula decides whether one continuation thread goes on. While the value is unfinished,
/// instances whose formula can no longer come true are pruned, innermost first.
/// </summary>
internal sealed partial class JsonMachine
{
    /// <summary>Joins the arrivals of this step, innermost groups first (a join can complete an outer member's value).</summary>
    private void ResolveJoins(StateSet dst, int b, long pos)
    {
        var max = MaxFrames;
        while (!dst.Overflow)
        {
            var deepest = -1;
            for (var t = 0; t < dst.Count; t++)
            {
                if (IsArrival(dst, t) && dst.Depths[t] > deepest)
                {
                    deepest = dst.Depths[t];
                }
            }

            if (deepest < 0)
            {
                return;
            }

            var count = dst.Count;
            var remove = dst.DeadFlags(count);
            for (var t = 0; t < count; t++)
            {
                if (remove[t] || dst.Depths[t] != deepest || !IsArrival(dst, t))
                {
                    continue;
                }

                ref readonly var g = ref dst.Frames[(t * max) + deepest - 1];
                var spec = g.Spec;
                var instance = g.C;
                var how = g.A;
                var matched = 0UL;
                var drivers = dst.Drivers;
                drivers.Clear();
                for (var u = t; u < count; u++)
                {
                    if (remove[u] || dst.Depths[u] != deepest || !IsArrival(dst, u))
                    {
                        continue;
                    }

                    ref readonly var h = ref dst.Frames[(u * max) + deepest - 1];
                    if (h.Spec != spec || h.C != instance)
                    {
                        continue;
                    }

                    remove[u] = true;
                    if (h.A != how)
                    {
                        continue; // ended at a different place than the base member: not this value's end
                    }

                    matched |= 1UL << h.State;
                    if (h.State == 0)
                    {
                        drivers.Add(u);
                    }
                }

                // Members evaluate the same value the same way whatever lies below the group frame, so instances of
                // one group at one place in different contexts (threads of different outer alternatives) share the
                // result; each context (each base member's thread) gets its own continuation.
                var group = _groups[spec];
                if ((matched & 1) == 0 || !group.Formula.Evaluate(matched))
                {
                    continue;
                }

                var report = 0;
                for (var i = 0; i < group.Reports.Length; i++)
                {
                    report |= (int)((matched >> group.Reports[i]) & 1) << i;
                }

                foreach (var driver in drivers)
                {
                    Continue(dst, driver, deepest, how == 1, report, b, pos);
                }
            }

            // Arrivals at this depth not joined (no base member arrived) are dropped along with the joined ones.
            for (var t = 0; t < count; t++)
            {
                if (!remove[t] && dst.Depths[t] == deepest && IsArrival(dst, t))
                {
                    remove[t] = true;
                }
            }

            dst.RemoveFlagged(remove);
        }
    }

    /// <summary>The continuation of a joined group: the driver's stack without the group frame, the parent notified, the byte stepped if not consumed.</summary>
    private void Continue(StateSet dst, int driver, int deepest, bool consumed, int report, int b, long pos)
    {
        var max = MaxFrames;
        if (!dst.EnsureSlot(dst.Count))
        {
            return;
        }

        var frames = dst.Frames.AsSpan(dst.Count * max, max);
        dst.Frames.AsSpan(driver * max, deepest).CopyTo(frames);
        var depth = deepest - 1;
        var r = ChildDone(frames, depth, consumed, report, new Cursor(dst.Context, pos));
        if (r == Arrived || (r == Ok && consumed))
        {
            dst.Depths[dst.Count] = depth;
            dst.Count++;
            dst.HasArrivals |= r == Arrived;
        }
        else if (r == Ok)
        {
            Run(dst, depth, b, pos);
        }
    }

    private bool IsArrival(StateSet s, int t)
    {
        ref readonly var top = ref s.Frames[(t * MaxFrames) + s.Depths[t] - 1];
        return top.Kind == Frame.Group && top.A != 0;
    }

    /// <summary>
    /// Removes the threads of group instances that can no longer match: the base member has no thread left, or the
    /// formula is false with every member that has no thread counted as not matching.
    /// </summary>
    private void Prune(StateSet s)
    {
        var rows = s.Lanes(s.Count);
        rows.Fill(ulong.MaxValue);
        if (!NarrowByGroups(s, rows, 1))
        {
            return;
        }

        var dead = s.DeadFlags(s.Count);
        var anyDead = false;
        for (var t = 0; t < s.Count; t++)
        {
            dead[t] = rows[t] == 0;
            anyDead |= dead[t];
        }

        if (anyDead)
        {
            s.RemoveFlagged(dead);
        }
    }

    /// <summary>
    /// Narrows per-thread lane rows (<paramref name="width"/> words per thread; a set bit means "this thread is alive
    /// in this lane") by the viability of every group instance, innermost first, so that the threads of a dead inner
    /// instance do not keep an outer member alive. With one lane this is pruning; with one lane per token it turns
    /// per-thread token masks into the mask of the whole set. False when the set has no group frame.
    /// </summary>
    internal bool NarrowByGroups(StateSet s, Span<ulong> rows, int width)
    {
        var max = MaxFrames;
        var instances = s.Instances;
        instances.Clear();
        var deepest = 0;
        for (var t = 0; t < s.Count; t++)
        {
            var frames = s.Frames.AsSpan(t * max, s.Depths[t]);
            for (var j = 1; j < frames.Length; j++)
            {
                if (frames[j].Kind == Frame.Group)
                {
                    AddInstance(instances, j, frames[j].Spec, frames[j].C);
                    deepest = Math.Max(deepest, j);
                }
            }
        }

        if (instances.Count == 0)
        {
            return false;
        }

        for (var level = deepest; level >= 1; level--)
        {
            foreach (var (depth, spec, instance, _) in instances)
            {
                if (depth != level)
                {
                    continue;
                }

                var group = _groups[spec];
                var members = group.Members.Length;
                var scratch = s.Scratch((members + 1 + group.Formula.Depth) * width);
                var alive = scratch[..(members * width)];
                alive.Clear();
                for (var t = 0; t < s.Count; t++)
                {
                    if (InInstance(s, t, depth, spec, instance, out var role))
                    {
                        Rows.Or(alive.Slice(role * width, width), rows.Slice(t * width, width));
                    }
                }

                // The instance stays where member 0 is alive and the formula can still come true.
                var viable = scratch.Slice(members * width, width);
                group.Formula.ViableRows(alive, width, viable, scratch[((members + 1) * width)..]);
                Rows.And(viable, alive[..width]);
                for (var t = 0; t < s.Count; t++)
                {
                    if (InInstance(s, t, depth, spec, instance, out _))
                    {
                        Rows.And(rows.Slice(t * width, width), viable);
                    }
                }
            }
        }

        return true;
    }

    private bool InInstance(StateSet s, int t, int depth, int spec, long instance, out int role)
    {
        role = -1;
        if (s.Depths[t] <= depth)
        {
            return false;
        }

        ref readonly var g = ref s.Frames[(t * MaxFrames) + depth];
        if (g.Kind != Frame.Group || g.Spec != spec || g.C != instance)
        {
            return false;
        }

        role = g.State;
        return true;
    }

    /// <summary>Whether some thread of <paramref name="s"/> is inside a group.</summary>
    internal bool HasGroupFrames(StateSet s)
    {
        for (var t = 0; t < s.Count; t++)
        {
            foreach (ref readonly var f in s.Thread(t))
            {
                if (f.Kind == Frame.Group)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddInstance(List<(int Depth, int Spec, long Instance, ulong Alive)> instances, int depth, int spec, long instance)
    {
        foreach (var x in instances)
        {
            if (x.Depth == depth && x.Spec == spec && x.Instance == instance)
            {
                return;
            }
        }

        instances.Add((depth, spec, instance, 0));
    }
}
