namespace HeteroAgents.ModelMaker.Tokenizer;

/// <summary>
/// A byte-level BPE vocabulary cut from a tiktoken encoding: the lowest-rank tokens (ids = ranks), the merges
/// that rebuild them in rank order, and ChatML special tokens at the end of the id range.
/// </summary>
public sealed class BpeVocabulary
{
    /// <summary>The special tokens, in id order after the regular tokens.</summary>
    public static IReadOnlyList<string> SpecialTokens { get; } = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];

    private BpeVocabulary(string encoding, string pattern, IReadOnlyList<string> tokens, IReadOnlyList<(string Left, string Right)> merges)
    {
        Encoding = encoding;
        PreTokenizerPattern = pattern;
        Tokens = tokens;
        Merges = merges;
    }

    /// <summary>The tiktoken encoding the ranks come from.</summary>
    public string Encoding { get; }

    /// <summary>The pre-tokenizer regex of that encoding.</summary>
    public string PreTokenizerPattern { get; }

    /// <summary>All token strings by id, regular tokens in byte-level form, then the special tokens.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Merges in priority order, in byte-level form.</summary>
    public IReadOnlyList<(string Left, string Right)> Merges { get; }

    /// <summary>Total vocabulary size.</summary>
    public int Size => Tokens.Count;

    /// <summary>Id of a special token.</summary>
    public int SpecialId(string token)
    {
        var index = SpecialTokens.ToList().IndexOf(token);
        return index < 0 ? throw new ArgumentException($"'{token}' is not a special token.", nameof(token)) : Size - SpecialTokens.Count + index;
    }

    /// <summary>End-of-text token id (also the BOS and padding id).</summary>
    public int EndOfTextId => SpecialId("<|endoftext|>");

    /// <summary>ChatML <c>&lt;|im_start|&gt;</c> id.</summary>
    public int ImStartId => SpecialId("<|im_start|>");

    /// <summary>ChatML <c>&lt;|im_end|&gt;</c> id (the EOS id).</summary>
    public int ImEndId => SpecialId("<|im_end|>");

    private const string Cl100kPattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private const string O200kPattern =
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private static readonly Dictionary<string, IReadOnlyList<string>> RankCache = [];

    /// <summary>
    /// Builds a vocabulary of exactly <paramref name="size"/> tokens: cl100k_base ranks when they suffice,
    /// o200k_base ranks for larger vocabularies.
    /// </summary>
    public static BpeVocabulary Create(int size)
    {
        var regular = size - SpecialTokens.Count;
        if (regular < 256)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A byte-level vocabulary needs at least 256 + 3 tokens.");
        }

        var encoding = regular <= 100_000 ? "cl100k_base" : "o200k_base";
        IReadOnlyList<string> ranks;
        lock (RankCache)
        {
            if (!RankCache.TryGetValue(encoding, out ranks!))
            {
                ranks = TiktokenRanks.Load(encoding);
                RankCache[encoding] = ranks;
            }
        }

        if (regular > ranks.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"{encoding} has only {ranks.Count} tokens.");
        }

        var rankOf = new Dictionary<string, int>(regular, StringComparer.Ordinal);
        for (var r = 0; r < regular; r++)
        {
            rankOf[ranks[r]] = r;
        }

        for (var b = 0; b < 256; b++)
        {
            if (!rankOf.ContainsKey(((char)b).ToString()))
            {
                throw new InvalidDataException($"{encoding}: byte {b} is not among the lowest {regular} ranks.");
            }
        }

        var merges = new List<(string, string)>(regular);
        var tokens = new List<string>(size);
        for (var r = 0; r < regular; r++)
        {
            var token = ranks[r];
            tokens.Add(ByteLevel(token));
            if (token.Length > 1)
            {
                var (left, right) = SplitByMerges(token, r, rankOf);
                merges.Add((ByteLevel(left), ByteLevel(right)));
            }
        }

        tokens.AddRange(SpecialTokens);
        return new BpeVocabulary(encoding, encoding == "cl100k_base" ? Cl100kPattern : O200kPattern, tokens, merges);
    }

    /// <summary>Runs BPE over the token's bytes with merges of rank below its own; the last merge must yield exactly two parts.</summary>
    private static (string Left, string Right) SplitByMerges(string token, int maxRank, Dictionary<string, int> rankOf)
    {
        var parts = token.Select(c => c.ToString()).ToList();
        while (true)
        {
            int bestIndex = -1, bestRank = int.MaxValue;
            for (var i = 0; i < parts.Count - 1; i++)
            {
                if (rankOf.TryGetValue(parts[i] + parts[i + 1], out var rank) && rank < bestRank)
                {
                    bestRank = rank;
                    bestIndex = i;
                }
            }

            if (bestIndex < 0 || bestRank >= maxRank)
            {
                break;
            }

            parts[bestIndex] += parts[bestIndex + 1];
            parts.RemoveAt(bestIndex + 1);
        }

        return parts.Count == 2
            ? (parts[0], parts[1])
            : throw new InvalidDataException($"Token of rank {maxRank} does not split into two lower-rank tokens ({parts.Count} parts).");
    }

    private static string ByteLevel(string latin1) => ByteLevelAlphabet.Encode(System.Text.Encoding.Latin1.GetBytes(latin1));
}
