using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins.Tests.Validation;

public sealed class TaskArgumentChecksTests
{
    [Theory]
    [InlineData("input.text", "text")]
    [InlineData("input.labels[1]", "labels")]
    [InlineData("input.schema.properties.a.type", "schema")]
    [InlineData("input.tools[0].parameters", "tools")]
    [InlineData("input.max_words", "max_words")]
    [InlineData("input", "input")]
    public void The_parameter_is_the_first_segment_of_the_field_path(string field, string parameter) =>
        Assert.Equal(parameter, TaskArgumentChecks.ParameterName(field));

    [Fact]
    public void A_problem_maps_to_an_ArgumentException_carrying_its_message()
    {
        var ex = TaskArgumentChecks.ToException(new InputProblem("input.labels", TaskErrorCodes.InvalidInput, "input.labels must hold at least two labels; got 1"));

        Assert.Equal("labels", ex.ParamName);
        Assert.StartsWith("input.labels must hold at least two labels; got 1", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(TaskArgumentChecks.ToException(new InputProblem("input.max_words", TaskErrorCodes.InvalidInput, "m")));
    }

    [Fact]
    public void A_task_without_a_batch_id_is_rejected_before_its_input_is_checked()
    {
        var task = new ClassifyTask(Guid.NewGuid(), string.Empty, "c1", new ClassifyInput("text", ["a"]));

        var ex = Assert.ThrowsAny<ArgumentException>(() => TaskArgumentChecks.ThrowIfInvalid(task));

        Assert.Equal("batch_id", ex.ParamName);
    }
}
