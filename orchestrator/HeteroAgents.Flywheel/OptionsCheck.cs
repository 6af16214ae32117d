using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>Validates options objects passed directly to the entry points (the same rules DI applies at start).</summary>
internal static class OptionsCheck
{
    public static T Valid<T>(T options, string name)
        where T : class
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid {name}: " + string.Join("; ", results.Select(r => $"{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")), name);
        }

        return options;
    }

    /// <summary>The validation errors of a nested options object, prefixed with its property name.</summary>
    public static IEnumerable<ValidationResult> Nested(object? nested, string name)
    {
        if (nested is null)
        {
            return [];
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(nested, new ValidationContext(nested), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult(r.ErrorMessage, [.. r.MemberNames.Select(m => name + "." + m)]));
    }
}
