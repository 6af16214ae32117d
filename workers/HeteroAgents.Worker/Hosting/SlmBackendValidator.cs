using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Hosting;

/// <summary>Validates at start that <c>Hetero:Slm:Backend</c> names a registered backend.</summary>
internal sealed class SlmBackendValidator(IEnumerable<IChatBackendProvider> providers) : IValidateOptions<SlmOptions>
{
    public ValidateOptionsResult Validate(string? name, SlmOptions options)
    {
        if (string.Equals(options.Backend, BackendNames.Auto, StringComparison.OrdinalIgnoreCase) ||
            providers.Any(p => string.Equals(p.Name, options.Backend, StringComparison.OrdinalIgnoreCase)))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"Hetero:Slm:Backend is '{options.Backend}', which is not a registered backend. Use one of: " +
            string.Join(", ", providers.Select(p => p.Name).Prepend(BackendNames.Auto).Distinct(StringComparer.OrdinalIgnoreCase)) + ".");
    }
}
