namespace HeteroAgents.ModelMaker.Tests.Onnx;

/// <summary>Greedy generation with the KV cache over an <see cref="OrtDecoder"/> (test helper).</summary>
internal static class OrtGreedy
{
    public static long[] Generate(OrtDecoder decoder, long[] prompt, int count, int vocabSize)
    {
        var step = decoder.RunSequence(prompt);
        var tokens = new List<long>();
        var length = prompt.Length;
        while (true)
        {
            var last = step.Logits.AsSpan(step.Logits.Length - vocabSize, vocabSize);
            long best = 0;
            for (var i = 1; i < last.Length; i++)
            {
                if (last[i] > last[(int)best])
                {
                    best = i;
                }
            }

            tokens.Add(best);
            if (tokens.Count == count)
            {
                return [.. tokens];
            }

            step = decoder.Run([[best]], [Enumerable.Repeat(1L, length + 1).ToArray()], [[length]], step);
            length++;
        }
    }
}
