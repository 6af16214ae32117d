using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.LlamaSharp;

/// <summary>
/// The source-generated check of <see cref="LlamaSharpModelOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class LlamaSharpModelOptionsAnnotationValidator : IValidateOptions<LlamaSharpModelOptions>
{
}
