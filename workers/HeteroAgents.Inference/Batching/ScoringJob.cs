using HeteroAgents.Inference.Generation;

namespace HeteroAgents.Inference.Batching;

/// <summary>A candidate-scoring request: scored right after its prompt is prefilled.</summary>
internal sealed class ScoringJob(int[] prompt, IReadOnlyList<IReadOnlyList<int>> candidates, CancellationToken cancellationToken)
    : SchedulerJob(prompt, prompt.Length, cancellationToken)
{
    private readonly TaskCompletionSource<CandidateScores> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<IReadOnlyList<int>> Candidates => candidates;

    public Task<CandidateScores> Result => _result.Task;

    public void Complete(CandidateScores scores) => _result.TrySetResult(scores);

    public override void Fail(Exception error)
    {
        if (error is OperationCanceledException oce)
        {
            _result.TrySetCanceled(oce.CancellationToken);
        }
        else
        {
            _result.TrySetException(error);
        }
    }
}
