namespace HeteroAgents.Decoding.Vocabulary;

/// <summary>
/// A byte trie over a subset of a vocabulary's tokens, flattened into arrays. Node 0 is the root; the children of
/// node n are edges [EdgeStart[n], EdgeStart[n + 1]) sorted by byte; tokens ending at node n are
/// TokenIds[TokenStart[n] .. TokenStart[n + 1]).
/// </summary>
internal sealed class TokenTrie
{
    public TokenTrie(IReadOnlyList<byte[]?> tokens, Func<int, bool> include)
    {
        var children = new List<SortedDictionary<byte, int>> { new() };
        var ends = new List<List<int>?> { null };
        for (var id = 0; id < tokens.Count; id++)
        {
            if (tokens[id] is not { Length: > 0 } bytes || !include(id))
            {
                continue;
            }

            var node = 0;
            foreach (var b in bytes)
            {
                if (!children[node].TryGetValue(b, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    ends.Add(null);
                    children[node][b] = next;
                }

                node = next;
            }

            (ends[node] ??= []).Add(id);
        }

        // Renumber in depth-first preorder so a walk touches memory mostly sequentially.
        var order = new int[children.Count];
        var stack = new Stack<int>();
        stack.Push(0);
        var n = 0;
        var preorder = new List<int>(children.Count);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            order[x] = n++;
            preorder.Add(x);
            foreach (var c in children[x].Values.Reverse())
            {
                stack.Push(c);
            }
        }

        EdgeStart = new int[children.Count + 1];
        EdgeByte = new byte[children.Count - 1];
        EdgeChild = new int[children.Count - 1];
        TokenStart = new int[children.Count + 1];
        var tokenList = new List<int>();
        var e = 0;
        for (var i = 0; i < preorder.Count; i++)
        {
            var old = preorder[i];
            EdgeStart[i] = e;
            foreach (var (b, c) in children[old])
            {
                EdgeByte[e] = b;
                EdgeChild[e] = order[c];
                e++;
            }

            TokenStart[i] = tokenList.Count;
            if (ends[old] is { } list)
            {
                tokenList.AddRange(list);
            }
        }

        EdgeStart[preorder.Count] = e;
        TokenStart[preorder.Count] = tokenList.Count;
        TokenIds = [.. tokenList];
    }

    public int[] EdgeStart { get; }

    public byte[] EdgeByte { get; }

    public int[] EdgeChild { get; }

    public int[] TokenStart { get; }

    public int[] TokenIds { get; }

    public int NodeCount => EdgeStart.Length - 1;
}
