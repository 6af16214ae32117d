using Microsoft.Extensions.Options;

namespace HeteroAgents.Frontier;

/// <summary>The rule across fields of <see cref="FrontierOptions"/>: an endpoint needs a model.</summary>
internal sealed class FrontierOptionsValidator : IValidateOptions<FrontierOptions>
{
    public ValidateOptionsResult Validate(string? name, FrontierOptions options) =>
        options.Endpoint is not null && !options.IsConfigured
            ? ValidateOptionsResult.Fail(FrontierOptions.SectionName + ":Model is required when " + FrontierOptions.SectionName + ":Endpoint is set.")
            : ValidateOptionsResult.Success;
}
