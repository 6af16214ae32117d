using HeteroAgents.Inference.Hub;
using HeteroAgents.Security;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// The default SLM of <c>hetero batch run</c> (see <see cref="DefaultModelOptions"/>): used when the workers run
/// in-process and no SLM is configured (no <c>Hetero:Slm:Endpoint</c>, <c>ModelPath</c> or <c>--model</c>, no folder or
/// alias in <c>Hetero:Slm:Model</c>, backend
/// <c>auto</c>) and <c>Hetero:Models:UseDefault</c> is true. Taken from the model cache, or pulled into it first with
/// a progress bar and checksum verification. Offline and not cached, the command stops before publishing anything.
/// </summary>
internal static class DefaultModelSetup
{
    /// <summary>Whether the configuration leaves the in-process workers without any SLM, so the default applies.</summary>
    public static bool Applies(IConfiguration configuration)
    {
        var slm = configuration.GetSection(SlmOptions.SectionName);
        var backend = slm[nameof(SlmOptions.Backend)];
        var model = slm[nameof(SlmOptions.Model)];
        return string.IsNullOrWhiteSpace(slm[nameof(SlmOptions.Endpoint)]) &&
               !(Directory.Exists(model) || ModelReference.TryParse(model, out _)) &&
               string.IsNullOrWhiteSpace(slm[nameof(SlmOptions.ModelPath)]) &&
               (string.IsNullOrWhiteSpace(backend) || string.Equals(backend, BackendNames.Auto, StringComparison.OrdinalIgnoreCase)) &&
               configuration.GetSection(ModelStoreServiceCollectionExtensions.DefaultSection).GetValue(nameof(HubOptions.UseDefault), true);
    }

    /// <summary>
    /// Makes sure the default model is in the cache and adds the flags that point the workers at it. Returns
    /// <see cref="CommandRunner.Ok"/>, or the exit code after printing why it is unavailable.
    /// </summary>
    public static Task<int> PrepareAsync(CliContext context, Dictionary<string, string?> flags, IConfiguration configuration, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(context, flags, HostMode.Tools, (services, _) =>
        {
            services.AddHeteroModelStore();
            services.AddOptions<DefaultModelOptions>().BindConfiguration(DefaultModelOptions.SectionName)
                .ValidateSection(DefaultModelOptions.SectionName, new DefaultModelOptionsAnnotationValidator()).ValidateOnStart();
        }, async (services, ct) =>
        {
            var defaults = services.GetRequiredService<IOptions<DefaultModelOptions>>().Value;
            var store = services.GetRequiredService<ModelStore>();
            var alias = defaults.Model.ToString();
            var directory = store.PathFor(defaults.Model);
            if (!File.Exists(Path.Combine(directory, ModelStore.ManifestName)) || !File.Exists(Path.Combine(directory, defaults.ModelFile)))
            {
                await context.Error.WriteLineAsync($"no SLM configured: pulling the default model {alias} into {services.GetRequiredService<IOptions<HubOptions>>().Value.CacheDirectory} (once)");
                try
                {
                    var pulled = await StepProgress.RunAsync(context, $"pull {alias}", report => store.PullAsync(
                        defaults.Repository, defaults.Revision, defaults.Include, new SyncProgress<DownloadProgress>(p =>
                            report($"{p.File} ({p.FileIndex + 1}/{p.FileCount})", p.FileBytes, p.FileSize)), cancellationToken: ct));
                    directory = pulled.Directory;
                }
                catch (Exception ex) when (ex is HubDownloadException or HttpRequestException or IOException ||
                                           (ex is OperationCanceledException && !ct.IsCancellationRequested))
                {
                    await context.Error.WriteLineAsync(
                        $"error: the default model {alias} is not cached and could not be downloaded ({ex.Message}). " +
                        "Pass --model <dir> (e.g. a folder written by `make-model`) or a cached owner/name[@revision], " +
                        $"run `{defaults.Model.PullCommand}` on a connected machine " +
                        "(and copy Hetero:Models:CacheDirectory over), or set HETERO__SLM__ENDPOINT to an OpenAI-compatible server.");
                    return CommandRunner.BadUsage;
                }
            }

            flags[SlmOptions.SectionName + ":" + nameof(SlmOptions.ModelPath)] = directory;
            if (string.IsNullOrWhiteSpace(configuration["Hetero:Onnx:ModelFile"]))
            {
                flags["Hetero:Onnx:ModelFile"] = defaults.ModelFile;
            }

            if (string.IsNullOrWhiteSpace(configuration["Hetero:Onnx:ChatTemplate"]) && !string.IsNullOrWhiteSpace(defaults.ChatTemplate))
            {
                flags["Hetero:Onnx:ChatTemplate"] = defaults.ChatTemplate;
            }

            var model = configuration[SlmOptions.SectionName + ":" + nameof(SlmOptions.Model)];
            if (string.IsNullOrWhiteSpace(model) || model == "default")
            {
                flags[SlmOptions.SectionName + ":" + nameof(SlmOptions.Model)] = defaults.DisplayName;
            }

            await context.Error.WriteLineAsync($"using the default model {alias} ({directory})");
            return CommandRunner.Ok;
        }, cancellationToken);
}
