namespace HeteroAgents.Worker.Options;

/// <summary>
/// <c>--model</c> takes a model name or a model folder: when <see cref="SlmOptions.Model"/> names an existing folder and
/// no <see cref="SlmOptions.ModelPath"/> is set, the folder becomes the model path. With a model path and no model name
/// of its own (the default <c>default</c>), the folder's name is the model name (reported as <c>served_by: slm:&lt;name&gt;</c>).
/// </summary>
internal static class SlmModelFolder
{
    private const string DefaultModel = "default";

    public static void Apply(SlmOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ModelPath) && !string.IsNullOrWhiteSpace(options.Model) && Directory.Exists(options.Model))
        {
            options.ModelPath = Path.GetFullPath(options.Model);
            options.Model = DefaultModel;
        }

        if (!string.IsNullOrWhiteSpace(options.ModelPath) && (string.IsNullOrWhiteSpace(options.Model) || options.Model == DefaultModel))
        {
            options.Model = Path.GetFileName(Path.TrimEndingDirectorySeparator(options.ModelPath));
        }
    }
}
