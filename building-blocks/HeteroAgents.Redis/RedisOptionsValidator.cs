using Microsoft.Extensions.Options;

namespace HeteroAgents.Redis;

/// <summary>
/// Start-up checks of <see cref="RedisOptions"/> (<see cref="RedisConnectionValidation"/> on section
/// <see cref="RedisOptions.SectionName"/>): a parseable configuration string with an endpoint; AUTH for every endpoint
/// that is not loopback; readable secret and certificate files, and TLS files only together with
/// <see cref="RedisOptions.UseTls"/>. Messages name the setting and never show a secret.
/// </summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of <paramref name="options"/>.</summary>
    public static IEnumerable<string> Problems(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RedisConnectionValidation.Problems(options, RedisOptions.SectionName);
    }
}
