using System.Diagnostics;
using System.Text.Json;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>
/// Runs the llama.cpp peer (node-llama-cpp scripts in <c>benchmarks/llama-cpp</c>) on the GGUF written next to the
/// ONNX model, in the same command as our runs, and returns its JSON line.
/// </summary>
internal sealed class LlamaCppPeer
{
    private readonly string _scripts;

    private LlamaCppPeer(string scripts, string gguf)
    {
        _scripts = scripts;
        Gguf = gguf;
    }

    public string Gguf { get; }

    /// <summary>The peer for <paramref name="modelDir"/>, or null with the reason (no GGUF, npm packages not installed).</summary>
    public static LlamaCppPeer? Find(string modelDir, string? gguf, out string? why)
    {
        gguf ??= Path.Combine(modelDir, "model.gguf");
        why = null;
        if (!File.Exists(gguf))
        {
            why = $"no GGUF at {gguf} (make-model writes one unless --no-gguf)";
            return null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var scripts = Path.Combine(dir.FullName, "benchmarks", "llama-cpp");
            if (File.Exists(Path.Combine(scripts, "greedy.mjs")))
            {
                if (!Directory.Exists(Path.Combine(scripts, "node_modules", "node-llama-cpp")))
                {
                    why = $"node-llama-cpp is not installed: (cd {scripts} && npm install)";
                    return null;
                }

                return new LlamaCppPeer(scripts, gguf);
            }
        }

        why = "benchmarks/llama-cpp not found above the current folder (run from the repository)";
        return null;
    }

    /// <summary>One greedy sequence: prompt and generation tokens/s.</summary>
    public async Task<JsonElement> GreedyAsync(IReadOnlyList<int> prompt, int tokens, int threads, CancellationToken cancellationToken)
        => await RunAsync("greedy.mjs", [Gguf, string.Join(',', prompt), tokens.ToString(System.Globalization.CultureInfo.InvariantCulture), threads.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>N sequences decoded together: aggregate generated tokens/s.</summary>
    public async Task<JsonElement> ParallelAsync(IReadOnlyList<int[]> prompts, int tokens, int threads, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hetero-peer-prompts-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(prompts), cancellationToken);
        try
        {
            return await RunAsync("parallel.mjs", [Gguf, file, tokens.ToString(System.Globalization.CultureInfo.InvariantCulture), threads.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Worker tasks (prompt ids and result schema) answered under JSON-schema grammars by N sequences: tasks/s.</summary>
    public async Task<JsonElement> WorkerAsync(string tasksFile, int sequences, int threads, int maxTokens, CancellationToken cancellationToken)
        => await RunAsync("worker-peer.mjs", [Gguf, tasksFile, Str(sequences), Str(threads), Str(maxTokens)], cancellationToken);

    private static string Str(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonElement> RunAsync(string script, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _scripts };
        start.ArgumentList.Add(Path.Combine(_scripts, script));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"llama.cpp peer {script} failed ({process.ExitCode}): {await stderr}");
        }

        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
