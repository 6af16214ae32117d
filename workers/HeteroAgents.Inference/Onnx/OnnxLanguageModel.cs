using System.Text.Json;
using HeteroAgents.Inference.Batching;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tokenization;
using Microsoft.ML.OnnxRuntime;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// A decoder-only language model loaded from a Hugging Face-layout folder and run on ONNX Runtime. One instance is
/// shared by concurrent requests: each request owns its KV cache; the session is thread-safe.
/// </summary>
public sealed class OnnxLanguageModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly InferenceSession? _promptSession;
    private readonly SessionOptions _sessionOptions;
    private readonly Lazy<BatchScheduler> _scheduler;

    private OnnxLanguageModel(string directory, string modelFile, InferenceSession session, SessionOptions sessionOptions, DecoderSignature signature, ModelConfig config, GenerationDefaults defaults, TextTokenizer tokenizer, TokenizerConfig tokenizerConfig, IChatTemplate chatTemplate, int contextWindow, int chunk, OnnxModelOptions options, InferenceSession? promptSession, PromptSessionProbe? probe)
    {
        var batch = options.MaxBatchSize > 0 ? options.MaxBatchSize : 8;
        _scheduler = new Lazy<BatchScheduler>(() => new BatchScheduler(this, batch, (long)options.KvCacheMegabytes << 20, (long)options.PrefixCacheMegabytes << 20));
        Directory = directory;
        ModelFile = modelFile;
        _session = session;
        _promptSession = promptSession;
        PromptSessionProbe = probe;
        _sessionOptions = sessionOptions;
        Signature = signature;
        Config = config;
        GenerationDefaults = defaults;
        Tokenizer = tokenizer;
        TokenizerConfig = tokenizerConfig;
        ContextWindow = contextWindow;
        PrefillChunk = chunk;
        ChatTemplate = chatTemplate;
        StopTokenIds = ResolveStopTokens(config, defaults, tokenizer, tokenizerConfig, ChatTemplate);
        ModelId = NameOf(directory);
    }

    /// <summary>The model folder.</summary>
    public string Directory { get; }

    /// <summary>The ONNX file in use.</summary>
    public string ModelFile { get; }

    /// <summary>A short name for the model (the folder name).</summary>
    public string ModelId { get; }

    /// <summary>The parsed <c>config.json</c>.</summary>
    public ModelConfig Config { get; }

    /// <summary>The parsed <c>generation_config.json</c>.</summary>
    public GenerationDefaults GenerationDefaults { get; }

    /// <summary>The tokenizer.</summary>
    public TextTokenizer Tokenizer { get; }

    /// <summary>The parsed <c>tokenizer_config.json</c>.</summary>
    public TokenizerConfig TokenizerConfig { get; }

    /// <summary>The chat template used to render conversations.</summary>
    public IChatTemplate ChatTemplate { get; }

    /// <summary>Context window in tokens (prompt plus output).</summary>
    public int ContextWindow { get; }

    /// <summary>Token ids that end generation (EOS and end-of-turn markers).</summary>
    public IReadOnlySet<int> StopTokenIds { get; }

    /// <summary>Vocabulary size of the network's output head.</summary>
    public int VocabularySize => Signature.VocabularySize;

    internal DecoderSignature Signature { get; }

    /// <summary>
    /// Whether prompt chunks run on a second session whose 4-bit matrix products compute in float32
    /// (<see cref="OnnxModelOptions.Float32Prefill"/>); decode and candidate scoring stay on the int8-compute session.
    /// </summary>
    public bool Float32Prefill => _promptSession is not null;

    /// <summary>
    /// The load-time timing that decided <see cref="Float32Prefill"/> under <see cref="Float32PrefillMode.Auto"/>; null
    /// when nothing was measured (the mode was <c>On</c> or <c>Off</c>, or the model has no second session to offer).
    /// </summary>
    public PromptSessionProbe? PromptSessionProbe { get; }

    /// <summary>What was done to put the loaded weights on huge pages (<see cref="OnnxModelOptions.HugePages"/>).</summary>
    public HugePagesOutcome HugePages { get; private init; } = HugePagesOutcome.Skipped("not tried");

    internal int PrefillChunk { get; }

    /// <summary>Loads a model folder.</summary>
    /// <exception cref="ModelLoadException">A file is missing or corrupt, the architecture is unsupported, or tokenizer and network disagree.</exception>
    public static OnnxLanguageModel Load(OnnxModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dir = options.ModelPath;
        if (string.IsNullOrWhiteSpace(dir) || !System.IO.Directory.Exists(dir))
        {
            throw new ModelLoadException($"Model folder '{dir}' does not exist; pass --model <dir> or pull one with 'hetero models pull <repo>'.");
        }

        var config = ModelConfig.Load(Path.Combine(dir, "config.json"));
        var defaults = GenerationDefaults.Load(Path.Combine(dir, "generation_config.json"));
        var tokenizerConfig = TokenizerConfig.Load(Path.Combine(dir, "tokenizer_config.json"));
        var tokenizer = HfTokenizerLoader.Load(dir);
        var chatTemplate = ChatTemplateResolver.Resolve(tokenizerConfig, NameOf(dir), options.ChatTemplate);
        JsonElement? genai = null;
        int? genaiContext = null;
        var sharedBuffer = false;
        var genaiPath = Path.Combine(dir, "genai_config.json");
        if (File.Exists(genaiPath))
        {
            using var g = JsonFile.Read(genaiPath);
            if (g.RootElement.TryGetProperty("model", out var m))
            {
                genaiContext = JsonFile.Int(m, "context_length", "genai_config.json");
                if (m.TryGetProperty("decoder", out var d))
                {
                    genai = d.Clone();
                }
            }

            sharedBuffer = g.RootElement.TryGetProperty("search", out var s) && s.TryGetProperty("past_present_share_buffer", out var share) && share.ValueKind == JsonValueKind.True;
        }

        var modelFile = ModelFolder.FindModelFile(dir, options.ModelFile, genai is { } gd ? JsonFile.String(gd, "filename") : null);
        ModelFolder.CheckExternalData(modelFile, config);
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = options.GraphOptimizationLevel,
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (!string.IsNullOrEmpty(options.ProfileFilePrefix))
        {
            // The prefix first: setting EnableProfiling hands ONNX Runtime the prefix set at that moment.
            sessionOptions.ProfileOutputPathPrefix = options.ProfileFilePrefix;
            sessionOptions.EnableProfiling = true;
        }

        AddExecutionProvider(sessionOptions, options.ExecutionProvider);
        InferenceSession session;
        try
        {
            session = new InferenceSession(modelFile, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            sessionOptions.Dispose();
            throw new ModelLoadException($"'{modelFile}' could not be loaded by ONNX Runtime (corrupt or incomplete file?): {ex.Message}", ex);
        }

        InferenceSession? promptSession = null;
        try
        {
            // The decode session's weights first, while the C heap holds nothing else large: a prompt session loaded,
            // measured and dropped below leaves freed holes between them, and only whole resident 2 MiB chunks collapse.
            var hugePages = !options.HugePages ? HugePagesOutcome.Skipped("turned off (Hetero:Onnx:HugePages)")
                : !IsCpu(options.ExecutionProvider) ? HugePagesOutcome.Skipped("the weights are on the GPU")
                : TransparentHugePages.Apply();
            var graph = session.ModelMetadata.CustomMetadataMap.TryGetValue("heteroagents.graph", out var g) ? g : string.Empty;
            var signature = DecoderSignature.Read(session, config, modelFile, genai);
            ModelFolder.CheckKvType(modelFile, config, signature.KvType);
            // Project-built graphs say what they are; other genai_config.json exports (the model builder's) use GroupQueryAttention.
            var gqa = graph.Length > 0 ? graph.StartsWith("fused", StringComparison.Ordinal) : genai is not null;
            if (sharedBuffer && !gqa)
            {
                throw new ModelLoadException($"'{genaiPath}': past_present_share_buffer=true needs a GroupQueryAttention graph, but '{modelFile}' is a plain-attention graph ({graph}); set it to false.");
            }

            signature = signature.WithAttention(gqa, sharedBuffer);
            if (tokenizer.VocabularySize > signature.VocabularySize)
            {
                throw new ModelLoadException($"Tokenizer '{tokenizer.Source}' has ids up to {tokenizer.VocabularySize - 1} but '{modelFile}' outputs logits for only {signature.VocabularySize} tokens: tokenizer and model do not match.");
            }

            if (signature.VocabularySize != config.VocabularySize)
            {
                throw new ModelLoadException($"config.json vocab_size={config.VocabularySize} but '{modelFile}' outputs {signature.VocabularySize} logits.");
            }

            var context = options.ContextWindow > 0 ? options.ContextWindow : genaiContext ?? config.ContextWindow;
            var chunk = options.PrefillChunkTokens > 0 ? options.PrefillChunkTokens : Math.Clamp(8_000_000 / signature.VocabularySize, 16, 512);
            var largestPromptPass = Math.Min(chunk, context);
            promptSession = CreatePromptSession(modelFile, sessionOptions, options, largestPromptPass);
            PromptSessionProbe? probe = null;
            if (promptSession is not null && options.Float32Prefill == Float32PrefillMode.Auto)
            {
                probe = PromptSessionProbe.Measure(session, promptSession, signature, Math.Min(PromptSessionProbe.ProbeTokens, largestPromptPass));
                if (!probe.KeepsPromptSession)
                {
                    promptSession.Dispose();
                    promptSession = null;
                    _ = NativeHeap.Trim();
                }
            }

            if (promptSession is not null && hugePages.SkippedBecause is null)
            {
                hugePages = hugePages.Plus(TransparentHugePages.Apply());
            }

            return new OnnxLanguageModel(dir, modelFile, session, sessionOptions, signature, config, defaults, tokenizer, tokenizerConfig, chatTemplate, context, chunk, options, promptSession, probe)
            {
                HugePages = hugePages,
            };
        }
        catch
        {
            promptSession?.Dispose();
            session.Dispose();
            sessionOptions.Dispose();
            throw;
        }
    }

    /// <summary>Loads a model folder with default options.</summary>
    public static OnnxLanguageModel Load(string directory) => Load(new OnnxModelOptions { ModelPath = directory });

    /// <summary>What the prefix KV cache has done (hit rate, tokens reused, bytes held).</summary>
    public PrefixCacheStatistics PrefixCacheStatistics => _scheduler.IsValueCreated ? _scheduler.Value.PrefixCache : default;

    /// <summary>What continuous batching has done (decode passes, mean batch size, peak KV bytes).</summary>
    public BatchStatistics BatchStatistics => _scheduler.IsValueCreated ? _scheduler.Value.Statistics : default;

    /// <summary>Releases the scheduler (pending requests fail with <see cref="ObjectDisposedException"/>) and the ONNX Runtime session.</summary>
    public void Dispose()
    {
        if (_scheduler.IsValueCreated)
        {
            _scheduler.Value.Dispose();
        }

        _promptSession?.Dispose();
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    /// <summary>When set, every forward pass adds its time inside ONNX Runtime here (benchmarks).</summary>
    internal RunTimer? Timer { get; set; }

    internal BatchScheduler Scheduler => _scheduler.Value;

    internal DecoderState CreateState(int batch, int capacity, int? chunk = null)
        => new(_session, Signature, batch, capacity, chunk ?? PrefillChunk, Timer, _promptSession);

    private static string NameOf(string directory) => Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));

    internal DecodeBatch CreateBatch(int maxRows, long kvBudgetBytes) => new(_session, Signature, maxRows, ContextWindow, kvBudgetBytes, Timer);

    /// <summary>
    /// The float32-compute session for prompt chunks (<see cref="Float32PrefillGraph"/>), or null: turned off, not on
    /// CPU, prompt chunks too short ever to run on it, weights in external data files (a session made from bytes would
    /// not find them), or no 4-bit int8-compute MatMulNBits in the graph (nothing to gain).
    /// </summary>
    private static InferenceSession? CreatePromptSession(string modelFile, SessionOptions sessionOptions, OnnxModelOptions options, int chunk)
    {
        if (options.Float32Prefill == Float32PrefillMode.Off || chunk < DecoderState.PromptSessionMinTokens || !IsCpu(options.ExecutionProvider) || ModelFolder.HasExternalData(modelFile))
        {
            return null;
        }

        var session = SessionOfSwitchedGraph(modelFile, sessionOptions);
        if (session is not null)
        {
            // ONNX Runtime parsed its own copy: the file's bytes (as large as the model) are garbage now. An ordinary
            // collection frees them but keeps the memory committed (RSS +200 MiB for a 4-bit smollm2-135m); an
            // aggressive one, once at load, hands it back.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        return session;
    }

    private static InferenceSession? SessionOfSwitchedGraph(string modelFile, SessionOptions sessionOptions)
    {
        byte[]? graph;
        try
        {
            graph = Float32PrefillGraph.Read(modelFile);
        }
        catch (InvalidDataException)
        {
            // ONNX Runtime loaded the file, so it is a model; one this walk does not follow keeps one session.
            return null;
        }

        return graph is null ? null : new InferenceSession(graph, sessionOptions);
    }

    private static bool IsCpu(string? provider) => string.IsNullOrEmpty(provider) || string.Equals(provider, "cpu", StringComparison.OrdinalIgnoreCase);

    private static void AddExecutionProvider(SessionOptions sessionOptions, string? provider)
    {
        if (IsCpu(provider))
        {
            return;
        }

        if (!string.Equals(provider, "cuda", StringComparison.OrdinalIgnoreCase))
        {
            sessionOptions.Dispose();
            throw new ModelLoadException($"Hetero:Onnx:ExecutionProvider is '{provider}'; use 'cpu' or 'cuda'.");
        }

        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(0);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            sessionOptions.Dispose();
            throw new ModelLoadException(
                "Hetero:Onnx:ExecutionProvider is 'cuda' but CUDA is not available: " + ex.Message +
                " Build the GPU variant (dotnet build -p:HeteroGpu=true, which uses Microsoft.ML.OnnxRuntime.Gpu) and run it on a machine with an NVIDIA driver, CUDA 12 and cuDNN 9; or set Hetero:Onnx:ExecutionProvider=cpu.",
                ex);
        }
    }

    private static HashSet<int> ResolveStopTokens(ModelConfig config, GenerationDefaults defaults, TextTokenizer tokenizer, TokenizerConfig tokenizerConfig, IChatTemplate template)
    {
        var stops = new HashSet<int>(config.EosTokenIds);
        stops.UnionWith(defaults.EosTokenIds);
        foreach (var text in template.EndOfTurnTokens.Append(tokenizerConfig.EosToken))
        {
            if (text is not null && tokenizer.TokenId(text) is { } id)
            {
                stops.Add(id);
            }
        }

        return stops;
    }
}
