namespace HeteroAgents.Flywheel;

/// <summary>One labelled piece of personal data in a corpus line.</summary>
/// <param name="Type">The placeholder name without brackets: <c>EMAIL</c>, <c>PHONE</c>, <c>CARD</c>, <c>IBAN</c>, <c>IP</c>, <c>NATIONAL_ID</c>, <c>TERM</c>, <c>NAME</c>, <c>ADDRESS</c>, <c>DOB</c>.</param>
/// <param name="Value">The exact substring that should be replaced.</param>
public sealed record LabelledPii(string Type, string Value)
{
    /// <summary>The <see cref="PiiType"/> named by <see cref="Type"/>; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public PiiType ParsedType() =>
        Enum.GetValues<PiiType>().FirstOrDefault(t => PiiScrubber.Placeholder(t) == "<" + Type + ">", (PiiType)(-1)) is var t && Enum.IsDefined(t)
            ? t
            : throw new ArgumentException($"Unknown PII type '{Type}'. Expected one of: EMAIL, PHONE, CARD, IBAN, IP, NATIONAL_ID, TERM, NAME, ADDRESS, DOB.", nameof(Type));
}
