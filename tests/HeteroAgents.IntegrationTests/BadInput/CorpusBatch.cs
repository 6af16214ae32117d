using System.Globalization;
using System.Text;

namespace HeteroAgents.IntegrationTests.BadInput;

/// <summary>
/// A batch file made of the corpus with a valid task before every case, so each bad line sits between good ones:
/// it starts with a UTF-8 byte-order mark and mixes <c>\n</c> and <c>\r\n</c> terminators. Records which input line
/// holds which case and which valid task.
/// </summary>
internal sealed class CorpusBatch
{
    private static readonly string[] ValidTemplates =
    [
        """{"custom_id":"ok-{n}","task":"classify","input":{"text":"Hello, my parcel for order {n} is two weeks late.","labels":["refund","shipping","other"]}}""",
        """{"custom_id":"ok-{n}","task":"extract","input":{"text":"Customer asks about order id A{n}.","schema":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}}}""",
        """{"custom_id":"ok-{n}","task":"tool_call","input":{"request":"please track_order A{n}","tools":[{"name":"track_order","description":"Where a parcel is","parameters":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}},{"name":"refund_order","description":"Refund an order","parameters":{"type":"object","properties":{"order_id":{"type":"string"}}}}]}}""",
        """{"custom_id":"ok-{n}","task":"summarize","input":{"text":"The customer reports that order {n} arrived late and the box was dented; they want a replacement.","max_words":12}}""",
    ];

    private CorpusBatch(string path, Dictionary<long, CorpusCase> cases, Dictionary<string, (long Line, byte[] Bytes)> valid, long taskLines)
    {
        Path = path;
        CaseAtLine = cases;
        ValidLines = valid;
        TaskLines = taskLines;
    }

    public string Path { get; }

    /// <summary>The case on each 1-based input line.</summary>
    public IReadOnlyDictionary<long, CorpusCase> CaseAtLine { get; }

    /// <summary>The valid tasks mixed in: custom_id → input line and its bytes.</summary>
    public IReadOnlyDictionary<string, (long Line, byte[] Bytes)> ValidLines { get; }

    /// <summary>Non-blank input lines: each must produce exactly one output line.</summary>
    public long TaskLines { get; }

    public static CorpusBatch Write(string directory, IReadOnlyList<CorpusCase> cases)
    {
        var path = System.IO.Path.Combine(directory, "bad-input-batch.jsonl");
        using var file = File.Create(path);
        file.Write("\uFEFF"u8);
        var caseAt = new Dictionary<long, CorpusCase>();
        var valid = new Dictionary<string, (long Line, byte[] Bytes)>(StringComparer.Ordinal);
        long line = 0;
        long taskLines = 0;
        foreach (var c in cases)
        {
            var n = (valid.Count + 1).ToString("D4", CultureInfo.InvariantCulture);
            var bytes = Encoding.UTF8.GetBytes(ValidTemplates[valid.Count % ValidTemplates.Length].Replace("{n}", n, StringComparison.Ordinal));
            file.Write(bytes);
            file.Write(valid.Count % 3 == 0 ? "\r\n"u8 : "\n"u8);
            valid["ok-" + n] = (++line, bytes);
            taskLines++;

            file.Write(c.Line);
            file.Write("\n"u8);
            caseAt[++line] = c;
            taskLines += c.Expect == CorpusCase.Skipped ? 0 : 1;
        }

        return new CorpusBatch(path, caseAt, valid, taskLines);
    }
}
