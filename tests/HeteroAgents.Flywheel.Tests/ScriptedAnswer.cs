namespace HeteroAgents.Flywheel.Tests;

/// <summary>What <see cref="ScriptedChatClient"/> answers to one call.</summary>
internal sealed record ScriptedAnswer(string Text, double? Confidence = null, string Model = "scripted-model", long InputTokens = 120, long OutputTokens = 12, Exception? Throw = null);
