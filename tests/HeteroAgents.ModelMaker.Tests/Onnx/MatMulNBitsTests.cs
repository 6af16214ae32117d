using HeteroAgents.ModelMaker.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace HeteroAgents.ModelMaker.Tests.Onnx;

public sealed class MatMulNBitsTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private const int N = 40;
    private const int K = 128;

    [Theory]
    [InlineData(4, 32)]
    [InlineData(4, 64)]
    [InlineData(8, 32)]
    public void Gathered_rows_are_the_dequantized_codes_and_the_product_reads_the_same_codes(int bits, int block)
    {
        var random = new Random(11);
        var w = new float[N * K];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var g = new OnnxGraph();
        g.Input("input_ids", OnnxDataType.Int64, "batch", "seq");
        g.Input("x", OnnxDataType.Float, "rows", K);
        var matrix = MatMulNBits.Weights(g, "w", () => w, N, K, bits, block, rowGather: true);
        g.Op("Identity", [MatMulNBits.GatherRows(g, matrix, "input_ids")], "gathered");
        MatMulNBits.Apply(g, "x", matrix, "y", accuracyLevel: 1);
        g.Output("gathered", OnnxDataType.Float, "batch", "seq", K);
        g.Output("y", OnnxDataType.Float, "rows", N);
        var path = Path.Combine(fixture.NewDirectory(), "m.onnx");
        OnnxModelWriter.Write(g, path, externalData: false, new Dictionary<string, string>());

        var dequantized = Dequantize(MatMulNBits.Quantize(w, N * K / block, bits, block), bits, block);
        long[] ids = [3, 0, 39, 7, 7, 12];
        var x = new float[2 * K];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2) - 1);
        }

        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(path, options);
        using var results = session.Run([
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [2, 3])),
            NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(x, [2, K]))]);
        var gathered = results.First(r => r.Name == "gathered").AsTensor<float>();
        var y = results.First(r => r.Name == "y").AsTensor<float>().ToArray();

        Assert.Equal([2, 3, K], gathered.Dimensions.ToArray());
        var expectedRows = ids.SelectMany(id => dequantized.AsSpan((int)id * K, K).ToArray()).ToArray();
        Assert.Equal(expectedRows, gathered.ToArray()); // exact: same codes, same zero point, same scale
        for (var r = 0; r < 2; r++)
        {
            for (var n = 0; n < N; n++)
            {
                double dot = 0;
                for (var k = 0; k < K; k++)
                {
                    dot += x[(r * K) + k] * dequantized[(n * K) + k];
                }

                Assert.True(Math.Abs(dot - y[(r * N) + n]) < 1e-3, $"row {r} column {n}: {y[(r * N) + n]} vs {dot}");
            }
        }
    }

    [Fact]
    public void Rows_cannot_be_gathered_from_a_matrix_written_without_row_scales()
    {
        var g = new OnnxGraph();
        var matrix = MatMulNBits.Weights(g, "w", () => new float[N * K], N, K, 4, 32);

        var error = Assert.Throws<InvalidOperationException>(() => MatMulNBits.GatherRows(g, matrix, "input_ids"));

        Assert.Contains("w_Q4", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The reference: (code − implicit zero point) × the block's scale, codes unpacked low nibble first.</summary>
    private static float[] Dequantize((sbyte[] Codes, float[] Scales) q, int bits, int block)
    {
        var values = new float[N * K];
        var zeroPoint = 1 << (bits - 1);
        for (var i = 0; i < values.Length; i++)
        {
            var code = bits == 8 ? (byte)q.Codes[i] : (((byte)q.Codes[i / 2]) >> (4 * (i % 2))) & 0x0F;
            values[i] = (code - zeroPoint) * q.Scales[i / block];
        }

        return values;
    }
}
