namespace HeteroAgents.Inference.Tokenization;

/// <summary>The text-to-ids engine under a <see cref="TextTokenizer"/>: byte-level BPE or SentencePiece.</summary>
internal interface ITokenCodec
{
    /// <summary>Encodes text; with <paramref name="addedTokens"/> false, added-token spellings are ordinary text.</summary>
    IReadOnlyList<int> Encode(string text, bool addedTokens);

    /// <summary>Decodes ids (every id given is decoded; the caller filters special tokens).</summary>
    string Decode(IEnumerable<int> ids);
}
