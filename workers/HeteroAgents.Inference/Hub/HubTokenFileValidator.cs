using HeteroAgents.Security;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Hub;

/// <summary>Fails start when <see cref="HubOptions.TokenFile"/> is set but missing, unreadable, empty or oversized; the message names the setting and the path, never the content.</summary>
internal sealed class HubTokenFileValidator(string setting) : IValidateOptions<HubOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HubOptions options) =>
        options.TokenFile is { Length: > 0 } path && SecretFile.Problem(path, setting) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
