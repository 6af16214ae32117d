using HeteroAgents.Inference.Hub;

namespace HeteroAgents.Worker.Options;

/// <summary>
/// <c>--model</c> takes a model name, a model folder, a <c>.gguf</c> file or a <see cref="ModelReference"/> (<c>owner/name[@revision]</c>): when
/// <see cref="SlmOptions.Model"/> names an existing folder and no <see cref="SlmOptions.ModelPath"/> is set, the folder
/// becomes the model path; when it is a reference to a model in the cache (<c>hetero models pull</c>) and no endpoint is
/// set, the cached folder does. A <see cref="SlmOptions.ModelPath"/> that is a reference is resolved through
/// <see cref="ModelStore.Resolve(ModelReference)"/>; a reference not in the cache is left as is and fails validation naming
/// <c>hetero models pull</c>. With a model path and no model name of its own (the default <c>default</c>), the folder's
/// (or reference's) name is the model name (reported as <c>served_by: slm:&lt;name&gt;</c>).
/// </summary>
internal static class SlmModelFolder
{
    private const string DefaultModel = "default";

    public static void Apply(SlmOptions options, ModelStore store)
    {
        string? aliasName = null;
        if (string.IsNullOrWhiteSpace(options.ModelPath) && !string.IsNullOrWhiteSpace(options.Model))
        {
            if (Directory.Exists(options.Model) || (File.Exists(options.Model) && options.Model.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)))
            {
                options.ModelPath = Path.GetFullPath(options.Model);
                options.Model = DefaultModel;
            }
            else if (options.Endpoint is null && ModelReference.TryParse(options.Model, out _) &&
                     !string.Equals(options.Backend, BackendNames.OpenAi, StringComparison.OrdinalIgnoreCase))
            {
                options.ModelPath = options.Model;
                options.Model = DefaultModel;
            }
        }

        if (!string.IsNullOrWhiteSpace(options.ModelPath) && !Directory.Exists(options.ModelPath) && ModelReference.TryParse(options.ModelPath, out var reference))
        {
            try
            {
                options.ModelPath = store.Resolve(reference);
                aliasName = reference.Name;
            }
            catch (HubDownloadException ex)
            {
                options.ModelPathError = ex.Message;
            }
        }

        if (!string.IsNullOrWhiteSpace(options.ModelPath) && options.ModelPathError is null && (string.IsNullOrWhiteSpace(options.Model) || options.Model == DefaultModel))
        {
            options.Model = aliasName ?? (File.Exists(options.ModelPath)
                ? Path.GetFileNameWithoutExtension(options.ModelPath)
                : Path.GetFileName(Path.TrimEndingDirectorySeparator(options.ModelPath)));
        }
    }
}
