namespace HeteroAgents.IntegrationTests.BadInput;

/// <summary>The outcome of running the corpus: cases tried and passed, valid tasks mixed in, and every mismatch.</summary>
internal sealed record CorpusReport(int Tried, int Passed, int ValidTasks, IReadOnlyList<string> Failures)
{
    public string Summary => $"bad-input corpus: {Tried} cases tried, {Passed} passed; {ValidTasks} valid tasks mixed in; {Failures.Count} problems";
}
