using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Any task type: every JSON number in the result (at any depth) parses to a finite double. The JSON number grammar
/// allows <c>-1600019325105E11932</c>, which every double consumer reads as infinity; such a value is never a right
/// answer, whichever backend wrote it.
/// </summary>
internal static class FiniteNumberCheck
{
    public static ResultProblem? Check(JsonElement value, string path = "$")
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDouble(out var number) && double.IsFinite(number)
                    ? null
                    : new ResultProblem(ResultCheckNames.FiniteNumber, $"{path} = {JsonValues.Describe(value)} is not a finite number (it overflows a double)");

            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (Check(property.Value, $"{path}.{property.Name}") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;

            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Check(item, $"{path}[{index++}]") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;

            default:
                return null;
        }
    }
}
