using Microsoft.Extensions.Options;

namespace HeteroAgents.Security;

/// <summary>Fails the options whose secret file setting names a file that cannot serve as a secret (<see cref="SecretFile.Problem"/>).</summary>
internal sealed class SecretFileValidator<TOptions>(string? optionsName, string fileKey, Func<TOptions, string?> file) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (optionsName is not null && !string.Equals(name, optionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        return file(options) is { } path && !string.IsNullOrWhiteSpace(path) && SecretFile.Problem(path, fileKey) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
