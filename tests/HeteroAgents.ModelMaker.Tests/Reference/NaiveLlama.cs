using HeteroAgents.ModelMaker;
using HeteroAgents.ModelMaker.Weights;

namespace HeteroAgents.ModelMaker.Tests.Reference;

/// <summary>
/// An independent, deliberately naive forward pass of the Llama / Qwen2 decoder over the seeded weights
/// (Hugging Face semantics: rotate-half RoPE, grouped-query attention, SwiGLU), used as ground truth.
/// </summary>
internal sealed class NaiveLlama
{
    private readonly ModelPreset _p;
    private readonly Func<string, float[]> _w;
    private readonly Dictionary<string, float[]> _cache = [];

    public NaiveLlama(LlamaWeights weights)
    {
        _p = weights.Preset;
        _w = weights.Get;
    }

    private float[] W(string name)
    {
        if (!_cache.TryGetValue(name, out var value))
        {
            value = _w(name);
            _cache[name] = value;
        }

        return value;
    }

    /// <summary>Qwen3's q/k norm: RMSNorm over each head's own values.</summary>
    private double[] HeadNorm(double[] x, int heads, float[] weight)
    {
        var d = _p.HeadDim;
        var result = new double[x.Length];
        for (var head = 0; head < heads; head++)
        {
            var normed = RmsNorm(x[(head * d)..((head + 1) * d)], weight);
            Array.Copy(normed, 0, result, head * d, d);
        }

        return result;
    }

    /// <summary>Logits [n, vocab] for one unpadded sequence at positions 0..n-1.</summary>
    public float[][] Forward(IReadOnlyList<long> ids)
    {
        int n = ids.Count, h = _p.HiddenSize, d = _p.HeadDim, heads = _p.NumHeads, kvHeads = _p.NumKvHeads;
        var embed = W(LlamaWeights.Embedding);
        var x = new double[n][];
        for (var t = 0; t < n; t++)
        {
            x[t] = new double[h];
            for (var j = 0; j < h; j++)
            {
                x[t][j] = embed[(ids[t] * h) + j];
            }
        }

        for (var layer = 0; layer < _p.NumLayers; layer++)
        {
            string L(string s) => LlamaWeights.Layer(layer, s);
            var q = new double[n][];
            var k = new double[n][];
            var v = new double[n][];
            for (var t = 0; t < n; t++)
            {
                var normed = RmsNorm(x[t], W(L("input_layernorm.weight")));
                var qt = Linear(normed, L("self_attn.q_proj"), heads * d);
                var kt = Linear(normed, L("self_attn.k_proj"), kvHeads * d);
                if (_p.QkNorm)
                {
                    qt = HeadNorm(qt, heads, W(L("self_attn.q_norm.weight")));
                    kt = HeadNorm(kt, kvHeads, W(L("self_attn.k_norm.weight")));
                }

                q[t] = Rope(qt, t, heads);
                k[t] = Rope(kt, t, kvHeads);
                v[t] = Linear(normed, L("self_attn.v_proj"), kvHeads * d);
            }

            for (var t = 0; t < n; t++)
            {
                var context = new double[heads * d];
                for (var head = 0; head < heads; head++)
                {
                    var kvHead = head / (heads / kvHeads);
                    var scores = new double[t + 1];
                    for (var s = 0; s <= t; s++)
                    {
                        double dot = 0;
                        for (var i = 0; i < d; i++)
                        {
                            dot += q[t][(head * d) + i] * k[s][(kvHead * d) + i];
                        }

                        scores[s] = dot / Math.Sqrt(d);
                    }

                    var max = scores.Max();
                    var sum = scores.Sum(sc => Math.Exp(sc - max));
                    for (var s = 0; s <= t; s++)
                    {
                        var p = Math.Exp(scores[s] - max) / sum;
                        for (var i = 0; i < d; i++)
                        {
                            context[(head * d) + i] += p * v[s][(kvHead * d) + i];
                        }
                    }
                }

                var attn = Linear(context, L("self_attn.o_proj"), h, hasBias: false);
                for (var j = 0; j < h; j++)
                {
                    x[t][j] += attn[j];
                }

                var normed2 = RmsNorm(x[t], W(L("post_attention_layernorm.weight")));
                var gate = Linear(normed2, L("mlp.gate_proj"), _p.IntermediateSize, hasBias: false);
                var up = Linear(normed2, L("mlp.up_proj"), _p.IntermediateSize, hasBias: false);
                var act = new double[gate.Length];
                for (var i = 0; i < act.Length; i++)
                {
                    act[i] = gate[i] / (1 + Math.Exp(-gate[i])) * up[i];
                }

                var down = Linear(act, L("mlp.down_proj"), h, hasBias: false);
                for (var j = 0; j < h; j++)
                {
                    x[t][j] += down[j];
                }
            }
        }

        var head2 = W(_p.TieWordEmbeddings ? LlamaWeights.Embedding : LlamaWeights.LmHead);
        var logits = new float[n][];
        for (var t = 0; t < n; t++)
        {
            var final = RmsNorm(x[t], W(LlamaWeights.FinalNorm));
            logits[t] = new float[_p.VocabSize];
            for (var vId = 0; vId < _p.VocabSize; vId++)
            {
                double dot = 0;
                for (var j = 0; j < h; j++)
                {
                    dot += final[j] * head2[(vId * h) + j];
                }

                logits[t][vId] = (float)dot;
            }
        }

        return logits;
    }

    private double[] RmsNorm(double[] x, float[] weight)
    {
        var meanSquare = x.Sum(e => e * e) / x.Length;
        var inv = 1.0 / Math.Sqrt(meanSquare + _p.RmsNormEps);
        return x.Select((e, i) => e * inv * weight[i]).ToArray();
    }

    private double[] Linear(double[] x, string prefix, int outDim, bool hasBias = true)
    {
        var w = W(prefix + ".weight");
        var y = new double[outDim];
        for (var o = 0; o < outDim; o++)
        {
            double dot = 0;
            for (var i = 0; i < x.Length; i++)
            {
                dot += w[(o * x.Length) + i] * x[i];
            }

            y[o] = dot;
        }

        if (hasBias && _p.AttentionBias)
        {
            var b = W(prefix + ".bias");
            for (var o = 0; o < outDim; o++)
            {
                y[o] += b[o];
            }
        }

        return y;
    }

    private double[] Rope(double[] x, int position, int heads)
    {
        int d = _p.HeadDim, half = d / 2;
        var y = new double[x.Length];
        for (var head = 0; head < heads; head++)
        {
            for (var i = 0; i < half; i++)
            {
                var angle = position / Math.Pow(_p.RopeTheta, 2.0 * i / d);
                double c = Math.Cos(angle), s = Math.Sin(angle);
                double a = x[(head * d) + i], b = x[(head * d) + half + i];
                y[(head * d) + i] = (a * c) - (b * s);
                y[(head * d) + half + i] = (b * c) + (a * s);
            }
        }

        return y;
    }
}
