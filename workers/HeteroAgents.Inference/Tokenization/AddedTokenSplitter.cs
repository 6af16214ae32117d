namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// Cuts text at added tokens, leftmost first and the longest token at a position, as Hugging Face's tokenizers do; a
/// token with <c>lstrip</c>/<c>rstrip</c> swallows the whitespace beside it.
/// </summary>
internal sealed class AddedTokenSplitter
{
    private readonly Node _root = new();

    public AddedTokenSplitter(IEnumerable<AddedToken> tokens)
    {
        foreach (var token in tokens)
        {
            var node = _root;
            foreach (var c in token.Content)
            {
                node.Children ??= [];
                if (!node.Children.TryGetValue(c, out var next))
                {
                    next = new Node();
                    node.Children[c] = next;
                }

                node = next;
            }

            node.Token = token;
        }
    }

    /// <summary>Whether no token is registered.</summary>
    public bool IsEmpty => _root.Children is null;

    /// <summary>The text as alternating plain pieces (token null) and added tokens, plain pieces possibly empty.</summary>
    public List<(string Text, AddedToken? Token)> Split(string text)
    {
        var sections = new List<(string Text, AddedToken? Token)>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var node = _root;
            AddedToken? match = null;
            for (var j = i; j < text.Length && node.Children is not null && node.Children.TryGetValue(text[j], out node); j++)
            {
                if (node.Token is not null)
                {
                    match = node.Token;
                }
            }

            if (match is null)
            {
                i++;
                continue;
            }

            if (i > start)
            {
                sections.Add((text[start..i], null));
            }

            sections.Add((match.Content, match));
            i += match.Content.Length;
            start = i;
        }

        if (start < text.Length)
        {
            sections.Add((text[start..], null));
        }

        for (var k = 0; k < sections.Count; k++)
        {
            if (sections[k].Token is not { } token)
            {
                continue;
            }

            if (token.LeftStrip && k > 0 && sections[k - 1].Token is null)
            {
                sections[k - 1] = (JavaScriptWhitespace.TrimEnd(sections[k - 1].Text), null);
            }

            if (token.RightStrip && k + 1 < sections.Count && sections[k + 1].Token is null)
            {
                sections[k + 1] = (JavaScriptWhitespace.TrimStart(sections[k + 1].Text), null);
            }
        }

        return sections;
    }

    private sealed class Node
    {
        public Dictionary<char, Node>? Children { get; set; }

        public AddedToken? Token { get; set; }
    }
}
