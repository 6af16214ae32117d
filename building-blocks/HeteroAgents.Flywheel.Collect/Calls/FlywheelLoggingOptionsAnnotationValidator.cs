using Microsoft.Extensions.Options;

namespace HeteroAgents.Flywheel;

/// <summary>
/// The source-generated check of <see cref="FlywheelLoggingOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class FlywheelLoggingOptionsAnnotationValidator : IValidateOptions<FlywheelLoggingOptions>
{
}
