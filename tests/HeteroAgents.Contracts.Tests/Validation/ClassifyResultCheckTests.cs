using HeteroAgents.Testing.Tasks;
namespace HeteroAgents.Contracts.Tests.Validation;

public sealed class ClassifyResultCheckTests
{
    private static readonly TaskResultValidator Validator = TaskResultValidator.Default;

    [Fact]
    public void Label_in_the_set_passes()
    {
        Assert.Null(Validator.CheckSemantics(SampleTasks.Classify(), SampleTasks.Json("""{"label":"refund"}""")));
    }

    [Theory]
    [InlineData("""{"label":"Refund"}""", "'Refund'")]
    [InlineData("""{"label":"billing"}""", "'billing'")]
    [InlineData("""{"label":7}""", "no string 'label'")]
    [InlineData("""{}""", "no string 'label'")]
    public void Label_outside_the_set_fails_the_label_in_set_check(string result, string expected)
    {
        var problem = Validator.CheckSemantics(SampleTasks.Classify(), SampleTasks.Json(result));

        Assert.NotNull(problem);
        Assert.Equal("label_in_set", problem.Check);
        Assert.Contains(expected, problem.Detail, StringComparison.Ordinal);
    }
}
