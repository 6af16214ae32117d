using Microsoft.Extensions.Options;

namespace HeteroAgents.Frontier;

/// <summary>
/// The source-generated check of <see cref="FrontierOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class FrontierOptionsAnnotationValidator : IValidateOptions<FrontierOptions>
{
}
