using HeteroAgents.Inference.LlamaSharp;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Hosting;

/// <summary>Validates at start that <c>Hetero:LlamaSharp:NativeLibraryPath</c>, when set, is a folder with a llama.cpp build.</summary>
internal sealed class LlamaSharpNativeLibraryValidator : IValidateOptions<LlamaSharpModelOptions>
{
    public ValidateOptionsResult Validate(string? name, LlamaSharpModelOptions options) =>
        !string.IsNullOrWhiteSpace(options.NativeLibraryPath) && LlamaNativeLibrary.Problem(options.NativeLibraryPath) is { } problem
            ? ValidateOptionsResult.Fail($"Hetero:LlamaSharp:NativeLibraryPath: {problem}.")
            : ValidateOptionsResult.Success;
}
