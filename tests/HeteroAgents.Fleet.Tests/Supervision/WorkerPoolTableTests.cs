using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Scaling;
using HeteroAgents.Fleet.Supervision;

namespace HeteroAgents.Fleet.Tests.Supervision;

public sealed class WorkerPoolTableTests
{
    [Fact]
    public void Cells_follow_the_headers()
    {
        var status = new WorkerPoolStatus(TaskType.ToolCall, "hetero-tool-call", 2, 1, 0, 5, 2, [11, 12],
            new ScalingDecision(3, 3, 4, ScalingReason.ScaleUpCoolingDown));
        var cells = WorkerPoolTable.Cells(status);
        Assert.Equal(WorkerPoolTable.Headers.Count, cells.Count);
        Assert.Equal(["tool_call", "hetero-tool-call", "2", "4", "1", "0", "5", "2", "ScaleUpCoolingDown"], cells);
    }

    [Fact]
    public void Before_the_first_reading_the_decision_is_unknown()
    {
        var cells = WorkerPoolTable.Cells(new WorkerPoolStatus(TaskType.Classify, "hetero-classify", 1, 0, 0, 1, 0, [7], null));
        Assert.Equal("-", cells[3]);
        Assert.Equal("-", cells[8]);
    }
}
