namespace HeteroAgents.Worker.Options;

/// <summary>
/// <c>--model</c> takes a model name or a model folder: when <see cref="SlmOptions.Model"/> names an existing folder and
/// no <see cref="SlmOptions.ModelPath"/> is set, the folder becomes the model path and its name the model name.
/// </summary>
internal static class SlmModelFolder
{
    public static void Apply(SlmOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ModelPath) || string.IsNullOrWhiteSpace(options.Model) || !Directory.Exists(options.Model))
        {
            return;
        }

        options.ModelPath = Path.GetFullPath(options.Model);
        options.Model = Path.GetFileName(Path.TrimEndingDirectorySeparator(options.ModelPath));
    }
}
