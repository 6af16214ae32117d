using System.Text;
using HeteroAgents.Decoding;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tokenization;
using LLama;
using LLama.Common;
using LLama.Native;

namespace HeteroAgents.Inference.LlamaSharp;

/// <summary>
/// A GGUF model loaded into llama.cpp (LLamaSharp): weights, one context with a KV slot per parallel sequence, the
/// project's chat template chosen from the file's <c>tokenizer.chat_template</c> and architecture, the tokenizer of the
/// file (template text with special tokens, message content without), stop tokens, and every token's bytes for the
/// constrained-decoding engine. One instance serves concurrent requests through its <see cref="LlamaTextGenerator"/>.
/// </summary>
public sealed class LlamaSharpModel : IDisposable
{
    private readonly LLamaWeights _weights;
    private readonly Lazy<TokenVocabulary> _vocabulary;

    private LlamaSharpModel(string file, LLamaWeights weights, LLamaContext context, ModelFamily family, int contextWindow, int sequences, int batchTokens)
    {
        File = file;
        _weights = weights;
        Context = context;
        Family = family;
        ContextWindow = contextWindow;
        Sequences = sequences;
        BatchTokens = batchTokens;
        VocabularySize = weights.Vocab.Count;
        var meta = weights.Metadata;
        var tokenizerConfig = new TokenizerConfig
        {
            ChatTemplate = meta.GetValueOrDefault("tokenizer.chat_template"),
            BosToken = TokenText(weights.Vocab.BOS),
            EosToken = TokenText(weights.Vocab.EOS),
        };
        ChatTemplate = ChatTemplateResolver.Resolve(tokenizerConfig, Path.GetFileName(file));
        var stops = new HashSet<int>();
        foreach (var t in new[] { weights.Vocab.EOS, weights.Vocab.EOT })
        {
            if (t is { } token)
            {
                stops.Add((int)token);
            }
        }

        for (var id = 0; id < VocabularySize; id++)
        {
            LLamaToken token = id;
            if (token.IsControl(weights.Vocab) && token.IsEndOfGeneration(weights.Vocab))
            {
                stops.Add(id);
            }
        }

        foreach (var text in ChatTemplate.EndOfTurnTokens)
        {
            var ids = weights.Tokenize(text, false, true, Encoding.UTF8);
            if (ids.Length == 1)
            {
                stops.Add((int)ids[0]);
            }
        }

        StopTokenIds = stops;
        ModelId = Path.GetFileNameWithoutExtension(file);
        _vocabulary = new Lazy<TokenVocabulary>(BuildVocabulary);
        Generator = new LlamaTextGenerator(this);
    }

    /// <summary>The GGUF file.</summary>
    public string File { get; }

    /// <summary>A short name (the file name).</summary>
    public string ModelId { get; }

    /// <summary>The architecture family (from <c>general.architecture</c>).</summary>
    public ModelFamily Family { get; }

    /// <summary>Context window per sequence.</summary>
    public int ContextWindow { get; }

    /// <summary>Parallel sequences (KV slots).</summary>
    public int Sequences { get; }

    /// <summary>Logits per row.</summary>
    public int VocabularySize { get; }

    /// <summary>The chat template.</summary>
    public IChatTemplate ChatTemplate { get; }

    /// <summary>End-of-sequence and end-of-turn tokens.</summary>
    public IReadOnlySet<int> StopTokenIds { get; }

    /// <summary>The generator (continuous batching over llama.cpp sequences); thread-safe.</summary>
    public LlamaTextGenerator Generator { get; }

    /// <summary>Every token as the bytes it stands for (control tokens excluded), for the constrained-decoding engine.</summary>
    public TokenVocabulary Vocabulary => _vocabulary.Value;

    internal LLamaContext Context { get; }

    internal int BatchTokens { get; }

    /// <summary>Loads a GGUF model (into the llama.cpp build of <see cref="LlamaSharpModelOptions.NativeLibraryPath"/> when set).</summary>
    /// <exception cref="InvalidOperationException">A native library path is set but llama.cpp was already loaded from elsewhere.</exception>
    /// <exception cref="ModelLoadException">The file is missing, not a GGUF file, or llama.cpp cannot load it (e.g. an unsupported architecture).</exception>
    public static LlamaSharpModel Load(LlamaSharpModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.NativeLibraryPath))
        {
            LlamaNativeLibrary.Use(options.NativeLibraryPath);
        }

        var file = ResolveFile(options.ModelPath);
        var sequences = options.MaxBatchSize > 0 ? options.MaxBatchSize : 8;
        LLamaWeights weights;
        var parameters = new ModelParams(file) { GpuLayerCount = options.GpuLayerCount, ContextSize = 4096 };
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception ex) when (ex is LLama.Exceptions.RuntimeError or LLama.Exceptions.LoadWeightsFailedException)
        {
            throw new ModelLoadException($"'{file}' could not be loaded by llama.cpp (unsupported architecture or corrupt file): {ex.Message}", ex);
        }

        try
        {
            var architecture = weights.Metadata.GetValueOrDefault("general.architecture") ?? string.Empty;
            var family = ModelConfig.MapFamily(architecture)
                ?? throw new ModelLoadException($"'{file}': general.architecture '{architecture}' is not a supported family (llama, qwen2, qwen3, phi3, gemma, gemma2, gemma3).");
            var window = options.ContextSize > 0 ? options.ContextSize : Math.Min(weights.ContextSize, 4096);
            var contextParams = new ModelParams(file)
            {
                ContextSize = (uint)(window * sequences),
                SeqMax = (uint)sequences,
                BatchSize = (uint)options.BatchTokens,
                UBatchSize = (uint)options.BatchTokens,
                Threads = options.Threads > 0 ? options.Threads : null,
                BatchThreads = options.Threads > 0 ? options.Threads : null,
                GpuLayerCount = options.GpuLayerCount,
            };
            var context = weights.CreateContext(contextParams);
            return new LlamaSharpModel(file, weights, context, family, window, sequences, options.BatchTokens);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <summary>Tokenizes template text: special tokens spelled in it become control tokens.</summary>
    public IReadOnlyList<int> EncodeTemplateText(string text) => Tokenize(text, special: true);

    /// <summary>Tokenizes message content: special tokens spelled inside it stay plain text.</summary>
    public IReadOnlyList<int> EncodeContent(string text) => Tokenize(text, special: false);

    /// <summary>Renders a conversation with the chat template and tokenizes each part as template text or content.</summary>
    public IReadOnlyList<int> EncodeChat(IReadOnlyList<ChatTurn> messages)
    {
        var ids = new List<int>();
        foreach (var segment in ChatTemplate.RenderSegments(messages))
        {
            ids.AddRange(segment.IsContent ? EncodeContent(segment.Text) : EncodeTemplateText(segment.Text));
        }

        return ids;
    }

    /// <summary>The text of token ids (control tokens omitted; an incomplete UTF-8 character at the end as U+FFFD).</summary>
    public string Decode(IEnumerable<int> ids)
    {
        var bytes = new List<byte>();
        Span<byte> buffer = stackalloc byte[256];
        foreach (var id in ids)
        {
            var n = (int)_weights.NativeHandle.TokenToSpan(id, buffer, 0, false);
            bytes.AddRange(buffer[..Math.Min(n, buffer.Length)]);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>Stops the generator and frees the context and weights.</summary>
    public void Dispose()
    {
        Generator.Dispose();
        Context.Dispose();
        _weights.Dispose();
    }

    private static string ResolveFile(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            var ggufs = System.IO.Directory.GetFiles(path, "*.gguf");
            path = ggufs.Length == 1
                ? ggufs[0]
                : throw new ModelLoadException(ggufs.Length == 0
                    ? $"No .gguf file in '{path}'; pull one with 'hetero models pull <repo> --include \"*Q4_K_M.gguf\"'."
                    : $"'{path}' holds {ggufs.Length} .gguf files; set the model path to one of them.");
        }

        if (!System.IO.File.Exists(path))
        {
            throw new ModelLoadException($"GGUF model '{path}' does not exist.");
        }

        Span<byte> magic = stackalloc byte[4];
        using (var stream = System.IO.File.OpenRead(path))
        {
            if (stream.Read(magic) != 4 || !magic.SequenceEqual("GGUF"u8))
            {
                throw new ModelLoadException($"'{path}' is not a GGUF file (it does not start with 'GGUF').");
            }
        }

        return Path.GetFullPath(path);
    }

    private string? TokenText(LLamaToken? token) => token is { } t ? _weights.Vocab.LLamaTokenToString(t, true) : null;

    private IReadOnlyList<int> Tokenize(string text, bool special)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var tokens = _weights.Tokenize(text, false, special, Encoding.UTF8);
        var ids = new int[tokens.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (int)tokens[i];
        }

        return ids;
    }

    private TokenVocabulary BuildVocabulary()
    {
        var tokens = new byte[]?[VocabularySize];
        var excluded = new List<int>();
        Span<byte> buffer = stackalloc byte[256];
        for (var id = 0; id < VocabularySize; id++)
        {
            LLamaToken token = id;
            if (token.IsControl(_weights.Vocab) || StopTokenIds.Contains(id))
            {
                excluded.Add(id);
                continue;
            }

            var n = (int)_weights.NativeHandle.TokenToSpan(token, buffer, 0, false);
            tokens[id] = n > 0 && n <= buffer.Length ? buffer[..n].ToArray() : null;
        }

        return new TokenVocabulary(tokens, StopTokenIds, excluded);
    }
}
