using HeteroAgents.Contracts;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Routing;

/// <summary>
/// Validates at start that the configured routing policy can be read and is valid, so a bad file or key stops the
/// worker with a message naming the setting and the key inside the document at fault.
/// </summary>
internal sealed class RoutingOptionsValidator(RoutingPolicySourceFactory sources) : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PolicyFile) && !string.IsNullOrWhiteSpace(options.PolicyRedisKey))
        {
            return ValidateOptionsResult.Fail($"{RoutingOptions.SectionName}:PolicyFile and {RoutingOptions.SectionName}:PolicyRedisKey are both set; set one.");
        }

        if (!string.IsNullOrWhiteSpace(options.ExamplesFile))
        {
            try
            {
                _ = Prompts.InContextExamples.Read(options.ExamplesFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                return ValidateOptionsResult.Fail($"{RoutingOptions.SectionName}:ExamplesFile '{options.ExamplesFile}': {(ex is FileNotFoundException ? "the file does not exist" : ex.Message)}");
            }
        }

        IRoutingPolicySource? source;
        try
        {
            source = sources.Create(options);
        }
        catch (RoutingPolicySourceException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }

        if (source is null)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            RoutingPolicyReader.Read(source.Read());
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is RoutingPolicySourceException or RoutingPolicyException)
        {
            return ValidateOptionsResult.Fail($"{source.Name}: {ex.Message}");
        }
    }
}
