using Microsoft.Extensions.Options;

namespace HeteroAgents.Messaging;

/// <summary>
/// The source-generated check of <see cref="MessagingOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class MessagingOptionsAnnotationValidator : IValidateOptions<MessagingOptions>
{
}
