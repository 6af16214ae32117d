using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Security;

/// <summary>
/// The one validation style of HeteroAgents options: the data annotations of an options class are checked by its
/// source-generated validator (<see cref="OptionsValidatorAttribute"/>), rules across fields by an
/// <see cref="IValidateOptions{TOptions}"/> of their own, and every failure names the configuration key at fault.
/// </summary>
public static class ValidatedOptionsBuilderExtensions
{
    /// <summary>
    /// Checks the bound options with <paramref name="validator"/> (the options class's source-generated
    /// <c>[OptionsValidator]</c>), naming each failing member by its configuration key under
    /// <paramref name="sectionName"/> (e.g. <c>Hetero:Worker:MaxInputChars</c>). Chain <c>.ValidateOnStart()</c> to fail at start.
    /// </summary>
    /// <param name="builder">The options builder.</param>
    /// <param name="sectionName">The configuration section the options are bound from.</param>
    /// <param name="validator">The generated validator.</param>
    public static OptionsBuilder<TOptions> ValidateSection<TOptions>(this OptionsBuilder<TOptions> builder, string sectionName, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        ArgumentNullException.ThrowIfNull(validator);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SectionKeyValidator<TOptions>(builder.Name, sectionName, validator));
        return builder;
    }
}
