namespace HeteroAgents.Decoding.Grammar;

/// <summary>Compile-time check that no value node starts itself without consuming input.</summary>
internal sealed partial class GrammarBuilder
{
    /// <summary>
    /// A value node whose branches or group members lead back to itself (e.g. a schema that is <c>not</c> of a
    /// reference to itself) would expand forever on its first byte: such schemas fail compilation.
    /// </summary>
    public void CheckValueCycles()
    {
        var nodes = Tables.Nodes;
        var state = new byte[nodes.Count]; // 0 new, 1 on the path, 2 done
        var stack = new Stack<(int Node, int Next)>();
        for (var start = 0; start < nodes.Count; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            stack.Push((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var targets = Targets(nodes[node]);
                if (next >= targets.Length)
                {
                    state[node] = 2;
                    continue;
                }

                stack.Push((node, next + 1));
                var target = targets[next];
                if (state[target] == 1)
                {
                    var pointer = nodes[target].Group >= 0 ? Tables.Groups[nodes[target].Group].Pointer : "#";
                    throw new SchemaCompilationException("$ref", pointer, "the schema refers to itself at the same value without an object or array in between (through not, oneOf, if or anyOf)");
                }

                if (state[target] == 0)
                {
                    state[target] = 1;
                    stack.Push((target, 0));
                }
            }
        }
    }

    private int[] Targets(ValueNode n) => n.Branches ?? (n.Group >= 0 ? Tables.Groups[n.Group].Members : []);
}
