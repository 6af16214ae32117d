using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Chat;

/// <summary>
/// The source-generated check of <see cref="OnnxChatClientOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class OnnxChatClientOptionsAnnotationValidator : IValidateOptions<OnnxChatClientOptions>
{
}
