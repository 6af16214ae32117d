using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HeteroAgents.Inference.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace HeteroAgents.Inference.Onnx;

/// <summary>The input/output names, dtypes and KV shapes of a decoder graph, read from the session's metadata.</summary>
internal sealed partial class DecoderSignature
{
    public required string InputIds { get; init; }

    public required TensorElementType IdType { get; init; }

    public string? AttentionMask { get; init; }

    public TensorElementType MaskType { get; init; }

    public string? PositionIds { get; init; }

    public TensorElementType PositionType { get; init; }

    public string? UseCacheBranch { get; init; }

    public required string Logits { get; init; }

    public required TensorElementType LogitsType { get; init; }

    /// <summary>Whether logits cover only the last position (dimension 1 fixed to 1).</summary>
    public bool LogitsLastOnly { get; init; }

    public required int VocabularySize { get; init; }

    /// <summary>
    /// The optional int64 scalar input (an initializer with default 0 = every position) that limits the logits to the
    /// last N positions, when the graph has one (<c>logits_to_keep</c>, as <c>make-model</c> writes it); null otherwise.
    /// </summary>
    public string? LogitsToKeep { get; init; }

    /// <summary>Per layer: past key, past value input names.</summary>
    public required string[] PastNames { get; init; }

    /// <summary>Per layer: present key, present value output names (same order as <see cref="PastNames"/>).</summary>
    public required string[] PresentNames { get; init; }

    public required TensorElementType KvType { get; init; }

    public required int KvHeads { get; init; }

    public required int HeadDim { get; init; }

    /// <summary>Whether the graph accepts a batch larger than one (symbolic batch dimension).</summary>
    public required bool DynamicBatch { get; init; }

    /// <summary>
    /// Whether a batch of several sequences may run several new tokens on top of a non-empty cache in one pass (false for
    /// GroupQueryAttention graphs, which then need batch 1).
    /// </summary>
    public bool BatchedContinuation { get; private set; } = true;

    /// <summary>
    /// Whether past and present KV are one buffer of the full capacity ([batch, kv_heads, capacity, head_dim]) that the
    /// graph appends to in place (GroupQueryAttention exports with <c>past_present_share_buffer=true</c>).
    /// </summary>
    public bool SharedBuffer { get; private set; }

    /// <summary>
    /// Whether rows of a batch are right-padded (each row's tokens start at position 0 and its length comes from the
    /// attention mask: GroupQueryAttention graphs) rather than left-padded (plain attention with an additive mask).
    /// </summary>
    public bool RightPadded => !BatchedContinuation;

    public int LayerCount => PastNames.Length / 2;

    public DecoderSignature WithAttention(bool groupQueryAttention, bool sharedBuffer)
    {
        var copy = (DecoderSignature)MemberwiseClone();
        copy.BatchedContinuation = !groupQueryAttention;
        copy.SharedBuffer = sharedBuffer;
        return copy;
    }

    public static int ElementSize(TensorElementType t) => t switch
    {
        TensorElementType.Float => 4,
        TensorElementType.Float16 or TensorElementType.BFloat16 => 2,
        TensorElementType.Int64 => 8,
        TensorElementType.Int32 => 4,
        TensorElementType.Bool => 1,
        _ => throw new NotSupportedException($"Element type {t} is not supported."),
    };

    public static DecoderSignature Read(InferenceSession session, ModelConfig config, string modelFile, JsonElement? genaiDecoder)
    {
        var inputs = session.InputMetadata;
        var outputs = session.OutputMetadata;

        string Name(string kind, string genaiKey, string fallback, bool input, bool required)
        {
            var name = fallback;
            if (genaiDecoder is { } g && g.TryGetProperty(kind, out var section) && JsonFile.String(section, genaiKey) is { } n)
            {
                name = n;
            }

            var present = input ? inputs.ContainsKey(name) : outputs.ContainsKey(name);
            if (!present && required)
            {
                var have = string.Join(", ", input ? inputs.Keys : outputs.Keys);
                throw new ModelLoadException($"'{modelFile}' has no {(input ? "input" : "output")} '{name}' (it has: {have}).");
            }

            return present ? name : string.Empty;
        }

        var ids = Name("inputs", "input_ids", "input_ids", true, true);
        var mask = Name("inputs", "attention_mask", "attention_mask", true, false);
        var pos = Name("inputs", "position_ids", "position_ids", true, false);
        var logits = Name("outputs", "logits", "logits", false, true);
        var layers = config.LayerCount;
        var graphLayers = inputs.Keys.Count(k => PastPattern().IsMatch(k)) / 2;
        if (graphLayers != layers)
        {
            throw new ModelLoadException($"config.json says num_hidden_layers={layers} but '{modelFile}' has {graphLayers} layers of past key/value inputs.");
        }

        var past = new string[layers * 2];
        var present = new string[layers * 2];
        for (var l = 0; l < layers; l++)
        {
            past[2 * l] = KvName(inputs, genaiDecoder, "inputs", "past_key_names", l, "key", PastPattern(), modelFile, "past");
            past[(2 * l) + 1] = KvName(inputs, genaiDecoder, "inputs", "past_value_names", l, "value", PastPattern(), modelFile, "past");
            present[2 * l] = KvName(outputs, genaiDecoder, "outputs", "present_key_names", l, "key", PresentPattern(), modelFile, "present");
            present[(2 * l) + 1] = KvName(outputs, genaiDecoder, "outputs", "present_value_names", l, "value", PresentPattern(), modelFile, "present");
        }

        var kvMeta = inputs[past[0]];
        var kvType = kvMeta.ElementDataType;
        if (kvType is not (TensorElementType.Float or TensorElementType.Float16 or TensorElementType.BFloat16))
        {
            throw new ModelLoadException($"'{modelFile}': past key/value type {kvType} is not supported (float, float16, bfloat16).");
        }

        var dims = kvMeta.Dimensions;
        if (dims.Length != 4)
        {
            throw new ModelLoadException($"'{modelFile}': input '{past[0]}' has rank {dims.Length}; expected [batch, kv_heads, past_sequence, head_dim].");
        }

        var heads = dims[1] > 0 ? dims[1] : config.KeyValueHeadCount;
        var headDim = dims[3] > 0 ? dims[3] : config.HeadDimension;
        if (heads != config.KeyValueHeadCount || headDim != config.HeadDimension)
        {
            throw new ModelLoadException($"'{modelFile}': KV cache shape [*, {heads}, *, {headDim}] disagrees with config.json (num_key_value_heads={config.KeyValueHeadCount}, head_dim={config.HeadDimension}).");
        }

        var logitsMeta = outputs[logits];
        var ld = logitsMeta.Dimensions;
        var vocab = ld.Length == 3 && ld[2] > 0 ? ld[2] : config.VocabularySize;
        foreach (var name in inputs.Keys)
        {
            if (name != ids && name != mask && name != pos && name != "use_cache_branch" && Array.IndexOf(past, name) < 0)
            {
                throw new ModelLoadException($"'{modelFile}' has an input '{name}' this runtime does not know how to feed.");
            }
        }

        const string keep = "logits_to_keep";
        var logitsToKeep = session.OverridableInitializerMetadata.TryGetValue(keep, out var keepMeta)
            && keepMeta.ElementDataType == TensorElementType.Int64 && keepMeta.Dimensions.Length == 0 ? keep : null;
        return new DecoderSignature
        {
            InputIds = ids,
            IdType = CheckInt(inputs[ids], ids, modelFile),
            AttentionMask = mask.Length > 0 ? mask : null,
            MaskType = mask.Length > 0 ? CheckInt(inputs[mask], mask, modelFile) : TensorElementType.Int64,
            PositionIds = pos.Length > 0 ? pos : null,
            PositionType = pos.Length > 0 ? CheckInt(inputs[pos], pos, modelFile) : TensorElementType.Int64,
            UseCacheBranch = inputs.ContainsKey("use_cache_branch") ? "use_cache_branch" : null,
            Logits = logits,
            LogitsType = logitsMeta.ElementDataType is TensorElementType.Float or TensorElementType.Float16
                ? logitsMeta.ElementDataType
                : throw new ModelLoadException($"'{modelFile}': logits type {logitsMeta.ElementDataType} is not supported (float, float16)."),
            LogitsLastOnly = ld.Length == 3 && ld[1] == 1,
            VocabularySize = vocab,
            LogitsToKeep = logitsToKeep,
            PastNames = past,
            PresentNames = present,
            KvType = kvType,
            KvHeads = heads,
            HeadDim = headDim,
            DynamicBatch = inputs[ids].Dimensions.Length > 0 && inputs[ids].Dimensions[0] <= 0,
        };
    }

    private static TensorElementType CheckInt(NodeMetadata meta, string name, string file)
        => meta.ElementDataType is TensorElementType.Int64 or TensorElementType.Int32
            ? meta.ElementDataType
            : throw new ModelLoadException($"'{file}': input '{name}' has type {meta.ElementDataType}; expected int64 or int32.");

    private static string KvName(IReadOnlyDictionary<string, NodeMetadata> meta, JsonElement? genai, string section, string key, int layer, string kind, Regex pattern, string file, string what)
    {
        if (genai is { } g && g.TryGetProperty(section, out var s) && JsonFile.String(s, key) is { } template)
        {
            var name = template.Replace("%d", layer.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return meta.ContainsKey(name) ? name : throw new ModelLoadException($"'{file}' has no '{name}' (named by genai_config.json {key}).");
        }

        foreach (var name in meta.Keys)
        {
            var m = pattern.Match(name);
            if (m.Success && int.Parse(m.Groups["layer"].Value, CultureInfo.InvariantCulture) == layer && m.Groups["kind"].Value == kind)
            {
                return name;
            }
        }

        throw new ModelLoadException($"'{file}' has no {what} {kind} for layer {layer} (expected a name like {what}{(what == "past" ? "_key_values" : string.Empty)}.{layer}.{kind}).");
    }

    [GeneratedRegex(@"^past(_key_values)?[._](?<layer>\d+)[._](?<kind>key|value)$")]
    private static partial Regex PastPattern();

    [GeneratedRegex(@"^present(_key_values)?[._](?<layer>\d+)[._](?<kind>key|value)$")]
    private static partial Regex PresentPattern();
}
