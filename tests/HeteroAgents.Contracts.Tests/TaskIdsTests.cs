using HeteroAgents.Contracts;

namespace HeteroAgents.Contracts.Tests;

public sealed class TaskIdsTests
{
    [Fact]
    public void Same_batch_and_custom_id_give_the_same_task_id()
    {
        Assert.Equal(TaskIds.Create("b1", "t1"), TaskIds.Create("b1", "t1"));
    }

    [Theory]
    [InlineData("b1", "t1", "b1", "t2")]
    [InlineData("b1", "t1", "b2", "t1")]
    [InlineData("ab", "c", "a", "bc")]
    public void Different_inputs_give_different_task_ids(string b1, string c1, string b2, string c2)
    {
        Assert.NotEqual(TaskIds.Create(b1, c1), TaskIds.Create(b2, c2));
    }

    [Fact]
    public void Task_ids_are_version_5_uuids()
    {
        var id = TaskIds.Create("batch", "line-1").ToString();
        Assert.Equal('5', id[14]);
    }
}
