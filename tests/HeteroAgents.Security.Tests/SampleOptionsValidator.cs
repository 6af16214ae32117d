using Microsoft.Extensions.Options;

namespace HeteroAgents.Security.Tests;

/// <summary>The source-generated validator of <see cref="SampleOptions"/>.</summary>
[OptionsValidator]
public sealed partial class SampleOptionsValidator : IValidateOptions<SampleOptions>
{
}
