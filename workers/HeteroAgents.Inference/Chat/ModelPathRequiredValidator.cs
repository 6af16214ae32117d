using HeteroAgents.Inference.Onnx;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Chat;

/// <summary><c>AddOnnxChatClient</c>'s rule: <see cref="OnnxModelOptions.ModelPath"/> is set (the worker may take it from <c>Hetero:Slm</c> instead).</summary>
internal sealed class ModelPathRequiredValidator(string sectionName) : IValidateOptions<OnnxModelOptions>
{
    public ValidateOptionsResult Validate(string? name, OnnxModelOptions options) =>
        string.IsNullOrWhiteSpace(options.ModelPath)
            ? ValidateOptionsResult.Fail($"{sectionName}:ModelPath must name a model folder.")
            : ValidateOptionsResult.Success;
}
