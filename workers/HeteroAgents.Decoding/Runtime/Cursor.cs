namespace HeteroAgents.Decoding.Runtime;

/// <summary>Where a step is: the run's shared data and the position of the byte being stepped.</summary>
internal readonly record struct Cursor(RunContext Context, long Position);
