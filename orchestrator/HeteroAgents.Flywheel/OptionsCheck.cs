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
}
