using HeteroAgents.Decoding;
using HeteroAgents.Inference.Chat;

namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>Stands in for the decoding engine: records the schema and returns a fixed token-set constraint.</summary>
internal sealed class FakeJsonSchemaConstraintFactory(int[] allowed, int length) : IJsonSchemaConstraintFactory
{
    public List<string> Schemas { get; } = [];

    public ITokenConstraint Create(string schemaJson)
    {
        Schemas.Add(schemaJson);
        return new AllowedTokensConstraint(allowed, length);
    }
}
