namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// The keywords of one (sub)schema that the compiler understands, before (<see cref="Ref"/>, <see cref="AllOf"/>,
/// <see cref="AnyOf"/>, <see cref="OneOf"/> set) or after normalization (only <see cref="Alternatives"/> kept).
/// </summary>
internal sealed class SchemaInfo
{
    private static int s_nextId;

    public SchemaInfo(string pointer) => Pointer = pointer;

    public int Id { get; } = Interlocked.Increment(ref s_nextId);

    public string Pointer { get; }

    public bool IsFalse { get; set; }

    public JsonTypes Types { get; set; } = JsonTypes.All;

    /// <summary>Allowed values as canonical compact JSON bytes; null when unconstrained.</summary>
    public List<byte[]>? Enum { get; set; }

    public string EnumPointer { get; set; } = "";

    public int MinLength { get; set; }

    public int MaxLength { get; set; } = -1;

    /// <summary>
    /// Regex patterns (search semantics) with the keyword and pointer they came from (pattern or format); a negated
    /// one must not match.
    /// </summary>
    public List<(string Pattern, string Keyword, string Pointer, bool Negated)> Patterns { get; } = [];

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public bool ExclusiveMinimum { get; set; }

    public bool ExclusiveMaximum { get; set; }

    public decimal? MultipleOf { get; set; }

    /// <summary>From negated schemas: numbers must not be multiples of these, nor equal to these values.</summary>
    public List<decimal> NotMultipleOf { get; } = [];

    public List<decimal> NotValues { get; } = [];

    public List<(string Name, SchemaInfo Schema)> Properties { get; } = [];

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    /// <summary>Schema for properties not named and not matched by a pattern; null means any.</summary>
    public SchemaInfo? AdditionalProperties { get; set; }

    public List<(string Pattern, SchemaInfo Schema, string Pointer)> PatternProperties { get; } = [];

    public int MinProperties { get; set; }

    public int MaxProperties { get; set; } = -1;

    public List<SchemaInfo> PrefixItems { get; } = [];

    /// <summary>Schema of items after <see cref="PrefixItems"/>; null means any.</summary>
    public SchemaInfo? Items { get; set; }

    public int MinItems { get; set; }

    public int MaxItems { get; set; } = -1;

    /// <summary>Items must be pairwise distinct (<c>uniqueItems: true</c>).</summary>
    public bool UniqueItems { get; set; }

    /// <summary><c>contains</c> schemas, each with how many items must (at least/most, -1: any number) match it.</summary>
    public List<(SchemaInfo Schema, int Min, int Max)> Contains { get; } = [];

    /// <summary>Every property name must be valid against this schema (as a string).</summary>
    public SchemaInfo? PropertyNames { get; set; }

    /// <summary>When the named property is present, the listed ones are required too (free order).</summary>
    public List<(string Name, string[] Required)> DependentRequired { get; } = [];

    /// <summary>Before normalization: <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>, <c>dependentSchemas</c>.</summary>
    public List<SchemaInfo> Not { get; } = [];

    public SchemaInfo? If { get; set; }

    public SchemaInfo? Then { get; set; }

    public SchemaInfo? Else { get; set; }

    public List<(string Name, SchemaInfo Schema)> DependentSchemas { get; } = [];

    /// <summary>Before normalization: applied to properties/items no successful subschema evaluated.</summary>
    public SchemaInfo? UnevaluatedProperties { get; set; }

    public SchemaInfo? UnevaluatedItems { get; set; }

    /// <summary>After normalization: boolean conditions over whole subschemas that must all hold (checked by a group at run time).</summary>
    public List<SchemaCond> Checks { get; } = [];

    /// <summary>
    /// After normalization: conditions that only depend on which property names an object has (their leaves are
    /// presence predicates, see <c>SchemaNormalizer.IsPresence</c>); compiled into the object's presence formula.
    /// </summary>
    public List<SchemaCond> Presence { get; } = [];

    public SchemaInfo? Ref { get; set; }

    public List<SchemaInfo> AllOf { get; } = [];

    public List<List<SchemaInfo>> AnyOf { get; } = [];

    public List<List<SchemaInfo>> OneOf { get; } = [];

    /// <summary>After normalization: disjunction groups (conjoined); each group's members are alternatives.</summary>
    public List<List<SchemaInfo>> Alternatives { get; } = [];

    public bool HasObjectConstraints =>
        Properties.Count > 0 || Required.Count > 0 || AdditionalProperties is not null || PatternProperties.Count > 0
        || MinProperties > 0 || MaxProperties >= 0 || PropertyNames is not null || DependentRequired.Count > 0 || Presence.Count > 0;

    /// <summary>A normalized schema that every value matches.</summary>
    public bool MatchesAnything =>
        !IsFalse && Types == JsonTypes.All && Enum is null && Patterns.Count == 0 && MinLength == 0 && MaxLength < 0
        && Minimum is null && Maximum is null && MultipleOf is null && NotMultipleOf.Count == 0 && NotValues.Count == 0 && !HasObjectConstraints && PrefixItems.Count == 0
        && Items is null && MinItems == 0 && MaxItems < 0 && !UniqueItems && Contains.Count == 0
        && Alternatives.Count == 0 && Checks.Count == 0;

    /// <summary>A normalized schema that no value matches (as far as a glance tells).</summary>
    public bool MatchesNothing => IsFalse || Types == JsonTypes.None || Enum is { Count: 0 };

    /// <summary>Whether normalization has anything to do (references, combinators, conditions).</summary>
    public bool HasApplicators =>
        Ref is not null || AllOf.Count > 0 || AnyOf.Count > 0 || OneOf.Count > 0 || Not.Count > 0 || If is not null
        || DependentSchemas.Count > 0 || UnevaluatedProperties is not null || UnevaluatedItems is not null;

    public static SchemaInfo False(string pointer) => new(pointer) { IsFalse = true, Types = JsonTypes.None };

    /// <summary>A shallow copy of the assertion keywords, without combinators.</summary>
    public SchemaInfo CopyBase(string? pointer = null)
    {
        var c = new SchemaInfo(pointer ?? Pointer)
        {
            IsFalse = IsFalse, Types = Types, Enum = Enum, EnumPointer = EnumPointer, MinLength = MinLength, MaxLength = MaxLength,
            Minimum = Minimum, Maximum = Maximum, ExclusiveMinimum = ExclusiveMinimum, ExclusiveMaximum = ExclusiveMaximum,
            MultipleOf = MultipleOf, AdditionalProperties = AdditionalProperties, MinProperties = MinProperties,
            MaxProperties = MaxProperties, Items = Items, MinItems = MinItems, MaxItems = MaxItems,
            UniqueItems = UniqueItems, PropertyNames = PropertyNames,
        };
        c.Contains.AddRange(Contains);
        c.DependentRequired.AddRange(DependentRequired);
        c.Presence.AddRange(Presence);
        c.NotMultipleOf.AddRange(NotMultipleOf);
        c.NotValues.AddRange(NotValues);
        c.Patterns.AddRange(Patterns);
        c.Properties.AddRange(Properties);
        c.Required.UnionWith(Required);
        c.PatternProperties.AddRange(PatternProperties);
        c.PrefixItems.AddRange(PrefixItems);
        return c;
    }
}
