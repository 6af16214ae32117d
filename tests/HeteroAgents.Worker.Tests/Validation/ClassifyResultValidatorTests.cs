using HeteroAgents.Worker.Tests.Support;
using HeteroAgents.Worker.Validation;

namespace HeteroAgents.Worker.Tests.Validation;

public sealed class ClassifyResultValidatorTests
{
    private readonly ClassifyResultValidator _validator = new();

    [Fact]
    public async Task Label_in_the_set_passes()
    {
        Assert.Null(await _validator.ValidateAsync(Tasks.Classify(), Tasks.Json("""{"label":"refund"}"""), default));
    }

    [Theory]
    [InlineData("""{"label":"Refund"}""", "'Refund'")]
    [InlineData("""{"label":"billing"}""", "'billing'")]
    [InlineData("""{"label":7}""", "no string 'label'")]
    [InlineData("""{}""", "no string 'label'")]
    public async Task Label_outside_the_set_fails_the_label_in_set_check(string result, string expected)
    {
        var problem = await _validator.ValidateAsync(Tasks.Classify(), Tasks.Json(result), default);

        Assert.NotNull(problem);
        Assert.Equal("label_in_set", problem.Check);
        Assert.Contains(expected, problem.Detail, StringComparison.Ordinal);
    }
}
