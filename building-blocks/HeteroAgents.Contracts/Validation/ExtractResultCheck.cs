using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Extract: every extracted string and number (at any depth, in objects and arrays) is grounded in the source text
/// (<see cref="SourceGrounding"/>): strings appear in it (<see cref="ResultCheckNames.ValueInSource"/>), numbers are
/// among its numbers under normalization (<see cref="ResultCheckNames.NumberInSource"/>), date-format strings name one
/// of its dates in any common format (<see cref="ResultCheckNames.DateInSource"/>). Exempt are values whose schema fixes
/// them (<c>enum</c>, <c>const</c>) or marks them free text (<see cref="GroundingKeywords.FreeText"/>); booleans and
/// nulls are not checked.
/// </summary>
internal static class ExtractResultCheck
{
    public static ResultProblem? Check(ExtractInput input, JsonElement result) =>
        new GroundedValuesCheck(new SourceGrounding(input.Text), GroundingRules.Extract).Check(result, input.Schema, "$");
}
