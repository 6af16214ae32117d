using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Security;

/// <summary>
/// Runs a source-generated options validator and rewrites the member paths in its messages into configuration keys:
/// the generator names a member <c>{name}.{Member}.{Nested}</c> after the options name it is given, so it is given the
/// section (<c>Hetero:Messaging</c>) and <c>Hetero:Messaging.RabbitMq.Host</c> becomes <c>Hetero:Messaging:RabbitMq:Host</c>.
/// </summary>
internal sealed class SectionKeyValidator<TOptions>(string? optionsName, string sectionName, IValidateOptions<TOptions> inner) : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly Regex _memberPath = new(Regex.Escape(sectionName) + @"(?<path>(?:\.[A-Za-z_][A-Za-z0-9_]*)+)", RegexOptions.CultureInvariant);

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (optionsName is not null && !string.Equals(name, optionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var result = inner.Validate(sectionName, options);
        if (!result.Failed)
        {
            return result;
        }

        var failures = (result.Failures ?? [result.FailureMessage]).Select(f => _memberPath.Replace(f, m => sectionName + m.Groups["path"].Value.Replace('.', ':')));
        return ValidateOptionsResult.Fail(failures);
    }
}
