using HeteroAgents.Decoding;

namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>Command-line options of <c>maskbench</c>.</summary>
internal sealed record MaskBenchOptions
{
    public string Data { get; init; } = "../shared/bench/maskbench-dev";

    public string Tokenizer { get; init; } = "cl100k";

    public int Threads { get; init; } = 1;

    public int Limit { get; init; } = int.MaxValue;

    public int Skip { get; init; }

    /// <summary>Write every outcome with its raw timings (for <see cref="Merge"/>).</summary>
    public bool Raw { get; init; }

    /// <summary>Comma-separated result files written with --raw: print and write their combined table instead of running.</summary>
    public string? Merge { get; init; }

    public string? Out { get; init; }

    public int TimeoutMs { get; init; } = 20_000;

    public PropertyOrderMode Order { get; init; } = PropertyOrderMode.Any;

    public static MaskBenchOptions Parse(string[] args)
    {
        var o = new MaskBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--data" => o with { Data = Value() },
                "--tokenizer" => o with { Tokenizer = Value() },
                "--threads" => o with { Threads = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--limit" => o with { Limit = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--skip" => o with { Skip = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--raw" => o with { Raw = true },
                "--merge" => o with { Merge = Value() },
                "--out" => o with { Out = Value() },
                "--timeout-ms" => o with { TimeoutMs = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--order" => o with { Order = Value() == "schema" ? PropertyOrderMode.SchemaOrder : PropertyOrderMode.Any },
                var other => throw new ArgumentException($"unknown option '{other}'"),
            };
        }

        return o;
    }
}
