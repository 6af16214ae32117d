using System.CommandLine;
using System.Globalization;
using HeteroAgents.Inference.Hub;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero models pull|list</c>: the local model cache (hub and cache from <c>Hetero:Models</c>: Endpoint, Token, CacheDirectory).</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context) =>
        new("models", "The local model cache (pull, list) and model candidates for the routing policy (register, promote, rollback).")
        {
            Pull(context),
            List(context),
            ModelsCandidateCommands.Register(context),
            ModelsCandidateCommands.Promote(context),
            ModelsCandidateCommands.Rollback(context),
        };

    private static Command Pull(CliContext context)
    {
        var repo = new Argument<string>("hf-repo") { Description = "The repository, owner/name (e.g. HuggingFaceTB/SmolLM2-360M-Instruct)." };
        var revision = new Option<string>("--revision", "-r") { Description = "Branch, tag or commit.", DefaultValueFactory = _ => "main" };
        var include = new Option<string[]>("--include", "-i") { Description = "Only files matching these globs (e.g. 'onnx/*' '*.json'); repeatable.", AllowMultipleArgumentsPerToken = true };
        var endpoint = new Option<string?>("--endpoint") { Description = "The hub endpoint. Default: Hetero:Models:Endpoint (https://huggingface.co)." };
        var device = new Option<string>("--device") { Description = "Without --include, pick the ONNX export for this device: cpu (a quantized export, e.g. onnx/model_q4.onnx) or gpu (float16).", DefaultValueFactory = _ => "cpu" };
        device.AcceptOnlyFromAmong("cpu", "gpu");
        var command = new Command("pull", "Download a repository revision into the cache with resume and SHA-256 verification. Without --include: the config and tokenizer files and the one ONNX export that suits the device.")
        {
            repo, revision, include, endpoint, device,
        };
        command.SetAction(async (parse, ct) =>
        {
            var repository = parse.GetRequiredValue(repo);
            if (repository.Contains('@', StringComparison.Ordinal) || !ModelReference.TryParse(repository, out _))
            {
                await context.Error.WriteLineAsync($"error: '{repository}' is not a repository id; expected owner/name");
                return CommandRunner.BadUsage;
            }

            var flags = CliOptions.Flags(null);
            if (parse.GetValue(endpoint) is { } url)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    await context.Error.WriteLineAsync($"error: --endpoint must be an http(s) URL, not '{url}'");
                    return CommandRunner.BadUsage;
                }

                flags[ModelStoreServiceCollectionExtensions.DefaultSection + ":Endpoint"] = uri.ToString();
            }

            return await CommandRunner.RunAsync(context, flags, HostMode.Tools, (services, _) => services.AddHeteroModelStore(), async (services, token) =>
            {
                var store = services.GetRequiredService<ModelStore>();
                var rev = parse.GetRequiredValue(revision);
                var model = await StepProgress.RunAsync(context, $"pull {repository}@{rev}", report => store.PullAsync(
                    repository, rev, parse.GetValue(include), new SyncProgress<DownloadProgress>(p =>
                        report($"{p.File} ({p.FileIndex + 1}/{p.FileCount})", p.FileBytes, p.FileSize)), parse.GetValue(device) == "gpu", token));
                if (model.OnnxFile is { } chosen)
                {
                    await context.Error.WriteLineAsync($"chose {chosen} ({Inference.Models.OnnxExports.Parse(chosen)?.DType}) as the ONNX export for {parse.GetValue(device)}; pass --include to pick another");
                }
                else if (model.GgufFile is { } gguf)
                {
                    await context.Error.WriteLineAsync($"chose {gguf} ({Inference.Models.GgufFiles.QuantizationOf(gguf)}) as the GGUF model for {parse.GetValue(device)} (serve it with --model {Path.Combine(model.Directory, gguf)}); pass --include to pick another");
                }
                ConsoleFactory.Create(context.Out, context.IsInteractive).Write(ModelTable([model]));
                return CommandRunner.Ok;
            }, ct);
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the models completely pulled into the cache.");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, CliOptions.Flags(null), HostMode.Tools, (services, _) => services.AddHeteroModelStore(), async (services, token) =>
        {
            var models = services.GetRequiredService<ModelStore>().List();
            if (models.Count == 0)
            {
                await context.Error.WriteLineAsync("no models in the cache; pull one with `hetero models pull <owner/name>`");
                return CommandRunner.Ok;
            }

            ConsoleFactory.Create(context.Out, context.IsInteractive).Write(ModelTable(models));
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static Table ModelTable(IReadOnlyList<LocalModel> models)
    {
        var table = new Table().AddColumn("repository").AddColumn("revision").AddColumn("commit").AddColumn(new TableColumn("files").RightAligned())
            .AddColumn(new TableColumn("size").RightAligned()).AddColumn("path");
        foreach (var m in models)
        {
            table.AddRow(
                Markup.Escape(m.Repository), Markup.Escape(m.Revision), Markup.Escape(m.Commit is { Length: > 12 } c ? c[..12] : m.Commit ?? "-"),
                m.Files.Count.ToString(CultureInfo.InvariantCulture),
                (m.TotalBytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
                Markup.Escape(m.Directory));
        }

        return table;
    }
}
