using Microsoft.Extensions.Options;

namespace HeteroAgents.Redis;

/// <summary>
/// The source-generated check of <see cref="RedisOptions"/>'s data annotations; registered with
/// <c>ValidateSection</c>, which names each failure by its configuration key.
/// </summary>
[OptionsValidator]
public sealed partial class RedisOptionsAnnotationValidator : IValidateOptions<RedisOptions>
{
}
