using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Options;

/// <summary>
/// The source-generated check of <see cref="SlmOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class SlmOptionsAnnotationValidator : IValidateOptions<SlmOptions>
{
}
