using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Security;

/// <summary>
/// The one way options read a secret from a file (<see cref="SecretFile"/>): a <c>...File</c> setting names the file, and
/// its content becomes the secret value after binding.
/// </summary>
public static class SecretFileOptionsBuilderExtensions
{
    /// <summary>
    /// After binding, reads the file that <paramref name="file"/> names (the setting <paramref name="fileKey"/>, e.g.
    /// <c>Hetero:Redis:PasswordFile</c>) and hands its content to <paramref name="apply"/>; a file that is set but missing,
    /// empty, too large or unreadable fails validation with a message naming <paramref name="fileKey"/> and the path
    /// (never the content). An unset file leaves the options as bound.
    /// </summary>
    /// <param name="builder">The options builder.</param>
    /// <param name="fileKey">The configuration key of the file setting, for messages.</param>
    /// <param name="file">Reads the file setting from the options.</param>
    /// <param name="apply">Stores the secret read from the file.</param>
    public static OptionsBuilder<TOptions> ReadSecretFile<TOptions>(
        this OptionsBuilder<TOptions> builder,
        string fileKey,
        Func<TOptions, string?> file,
        Action<TOptions, string> apply)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileKey);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(apply);
        builder.PostConfigure(options =>
        {
            if (file(options) is { } path && !string.IsNullOrWhiteSpace(path) && SecretFile.Problem(path, fileKey) is null)
            {
                apply(options, SecretFile.Read(path, fileKey));
            }
        });
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SecretFileValidator<TOptions>(builder.Name, fileKey, file));
        return builder;
    }
}
