namespace HeteroAgents.Worker.Confidence;

/// <summary>Where one leaf value (string, number, boolean, null) of a JSON answer is written in the model's output.</summary>
/// <param name="Path">The value's path, <c>$.order_id</c>, <c>$.items[0].name</c>, as the validators name it.</param>
/// <param name="Start">UTF-16 index of its first character in the output (a string's opening quote).</param>
/// <param name="End">UTF-16 index just past its last character (a string's closing quote).</param>
public readonly record struct JsonValueSpan(string Path, int Start, int End);
