using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Constraints;

/// <summary>
/// The source-generated check of <see cref="DecodingConstraintOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class DecodingConstraintOptionsAnnotationValidator : IValidateOptions<DecodingConstraintOptions>
{
}
