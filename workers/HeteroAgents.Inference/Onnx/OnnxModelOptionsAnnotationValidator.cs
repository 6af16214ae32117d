using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// The source-generated check of <see cref="OnnxModelOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class OnnxModelOptionsAnnotationValidator : IValidateOptions<OnnxModelOptions>
{
}
