using System.CommandLine;
using HeteroAgents.Messaging;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>The options shared by several <c>hetero</c> commands, and how they map onto configuration keys.</summary>
internal static class CliOptions
{
    public static Option<TransportKind?> Transport() => new("--transport", "-t")
    {
        Description = "inmemory (workers in-process, no services) or rabbitmq (workers are separate hetero-worker processes; job state in Redis). " +
                      "Default: Hetero:Messaging:Transport, i.e. inmemory unless a broker is configured.",
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            switch (text.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            {
                case "inmemory":
                    return TransportKind.InMemory;
                case "rabbitmq":
                    return TransportKind.RabbitMq;
                default:
                    r.AddError($"--transport must be inmemory or rabbitmq, not '{text}'");
                    return null;
            }
        },
    };

    /// <summary><c>--model &lt;dir|owner/name[@revision]&gt;</c>: the in-process workers run this model folder or cached model on ONNX Runtime (<c>Hetero:Slm:ModelPath</c>).</summary>
    public static Option<string?> Model() => new("--model", "-m")
    {
        Description = "A model folder (config.json, tokenizer files, ONNX model) or a cached model owner/name[@revision] (`hetero models pull`) " +
                      "for the in-process workers to run on ONNX Runtime with schema-constrained decoding (sets Hetero:Slm:ModelPath). " +
                      "Default: the configured Hetero:Slm backend, else the default model (Hetero:Models:Default, pulled on first use).",
    };

    /// <summary><c>--no-default-model</c>: with no SLM configured, do not use the default model (tasks escalate with <c>backend_error</c>).</summary>
    public static Option<bool> NoDefaultModel() => new("--no-default-model")
    {
        Description = "With no SLM configured, do not pull or use the default model (same as Hetero:Models:UseDefault=false): tasks escalate with backend_error.",
    };

    public static Option<FileInfo?> Out(string description) => new("--out", "-o") { Description = description };

    public static Argument<string> BatchId() => new("batch-id") { Description = "The id printed by `hetero batch submit` or `hetero batch run`." };

    public static Dictionary<string, string?> Flags(TransportKind? transport)
    {
        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (transport is { } t)
        {
            flags[MessagingOptions.SectionName + ":Transport"] = t.ToString();
        }

        return flags;
    }

    /// <summary>Commands that look up a batch after the submitting process ended read it from Redis.</summary>
    public static Dictionary<string, string?> RedisStoreFlags() =>
        new(StringComparer.OrdinalIgnoreCase) { ["Hetero:Batch:Store"] = "Redis" };
}
