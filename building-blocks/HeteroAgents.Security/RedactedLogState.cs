using System.Collections;

namespace HeteroAgents.Security;

/// <summary>A log entry's state with secrets masked: the rendered message and each structured value.</summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormatKey = "{OriginalFormat}";
    private readonly KeyValuePair<string, object?>[] _values;

    public RedactedLogState(string message, object? state, SecretRedactor redactor)
    {
        Message = message;
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            _values = pairs.Select(p => p.Key == OriginalFormatKey ? p : new KeyValuePair<string, object?>(p.Key, RedactValue(p.Value, redactor))).ToArray();
        }
        else
        {
            _values = [];
        }
    }

    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    private static object? RedactValue(object? value, SecretRedactor redactor)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return redactor.Redact(s);
            case IFormattable:
                return value; // numbers, dates, durations: no secret text
            default:
                var text = value.ToString();
                var redacted = redactor.Redact(text);
                return string.Equals(text, redacted, StringComparison.Ordinal) ? value : redacted;
        }
    }
}
