using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HeteroAgents.Decoding;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Tokenization;

namespace HeteroAgents.Inference.Constraints;

/// <summary>
/// Builds the constrained-decoding engine's <see cref="TokenVocabulary"/> (every token id as the bytes it stands for)
/// from a loaded model's tokenizer: byte-level BPE (<c>tokenizer.json</c>, <c>vocab.json</c> + <c>merges.txt</c>) and
/// SentencePiece (<c>▁</c> for space, <c>&lt;0xNN&gt;</c> byte tokens). Special tokens are never allowed, except the
/// model's stop tokens, which the engine allows exactly when the output is complete.
/// </summary>
public static class ModelTokenVocabulary
{
    private static readonly ConditionalWeakTable<OnnxLanguageModel, TokenVocabulary> Cache = new();

    /// <summary>The vocabulary of <paramref name="model"/>, built on first use and shared for the model's lifetime.</summary>
    public static TokenVocabulary For(OnnxLanguageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Cache.GetValue(model, m => Build(m.Tokenizer, m.VocabularySize, m.StopTokenIds));
    }

    /// <summary>Builds the vocabulary of <paramref name="tokenizer"/> sized to the network's output head.</summary>
    /// <param name="tokenizer">The model's tokenizer.</param>
    /// <param name="vocabularySize">The number of logits the network produces (ids the tokenizer lacks are never allowed).</param>
    /// <param name="endOfSequenceTokenIds">The tokens that end generation.</param>
    /// <exception cref="ModelLoadException">The tokenizer is of a kind whose token bytes cannot be recovered.</exception>
    public static TokenVocabulary Build(TextTokenizer tokenizer, int vocabularySize, IEnumerable<int> endOfSequenceTokenIds)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(endOfSequenceTokenIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        var tokens = new byte[]?[vocabularySize];
        Func<string, byte[]?> toBytes = tokenizer.Codec switch
        {
            ByteLevelCodec => ByteLevelAlphabet.Bytes,
            SentencePieceCodec => SentencePieceBytes,
            var other => throw new ModelLoadException($"'{tokenizer.Source}': constrained decoding cannot read token bytes from a {other.GetType().Name}."),
        };

        foreach (var (text, id) in tokenizer.Vocabulary)
        {
            if ((uint)id < (uint)vocabularySize && !tokenizer.IsSpecial(id))
            {
                tokens[id] = toBytes(text);
            }
        }

        var excluded = new List<int>(tokenizer.SpecialTokens.Values);
        if (tokenizer.Codec is SentencePieceCodec { Tokenizer: var spm })
        {
            excluded.Add(spm.UnknownId);
            excluded.Add(spm.BeginningOfSentenceId);
            excluded.Add(spm.EndOfSentenceId);
        }

        return new TokenVocabulary(tokens, endOfSequenceTokenIds.Where(id => (uint)id < (uint)vocabularySize), excluded);
    }

    private static byte[]? SentencePieceBytes(string text)
    {
        if (text.Length == 6 && text.StartsWith("<0x", StringComparison.Ordinal) && text[5] == '>' &&
            byte.TryParse(text.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
        {
            return [b];
        }

        return Encoding.UTF8.GetBytes(text.Replace('\u2581', ' '));
    }
}
