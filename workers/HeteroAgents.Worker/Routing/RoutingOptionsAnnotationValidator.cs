using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Routing;

/// <summary>
/// The source-generated check of <see cref="RoutingOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class RoutingOptionsAnnotationValidator : IValidateOptions<RoutingOptions>
{
}
