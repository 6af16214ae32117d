using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Hub;

/// <summary>
/// The source-generated check of <see cref="HubOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class HubOptionsAnnotationValidator : IValidateOptions<HubOptions>
{
}
