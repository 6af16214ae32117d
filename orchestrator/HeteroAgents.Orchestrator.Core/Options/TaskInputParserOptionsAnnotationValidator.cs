using HeteroAgents.Contracts;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Options;

/// <summary>
/// The source-generated check of <see cref="TaskInputParserOptions"/>'s data annotations (bound from
/// <c>Hetero:Batch</c>); registered with <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class TaskInputParserOptionsAnnotationValidator : IValidateOptions<TaskInputParserOptions>
{
}
