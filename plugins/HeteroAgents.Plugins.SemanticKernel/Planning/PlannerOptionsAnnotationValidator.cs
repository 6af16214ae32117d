using Microsoft.Extensions.Options;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>
/// The source-generated check of <see cref="PlannerOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class PlannerOptionsAnnotationValidator : IValidateOptions<PlannerOptions>
{
}
