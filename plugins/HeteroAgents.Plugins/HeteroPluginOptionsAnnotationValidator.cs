using Microsoft.Extensions.Options;

namespace HeteroAgents.Plugins;

/// <summary>
/// The source-generated check of <see cref="HeteroPluginOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class HeteroPluginOptionsAnnotationValidator : IValidateOptions<HeteroPluginOptions>
{
}
