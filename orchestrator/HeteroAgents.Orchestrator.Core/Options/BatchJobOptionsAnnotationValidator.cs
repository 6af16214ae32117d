using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Options;

/// <summary>
/// The source-generated check of <see cref="BatchJobOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class BatchJobOptionsAnnotationValidator : IValidateOptions<BatchJobOptions>
{
}
