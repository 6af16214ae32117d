using HeteroAgents.Decoding;

namespace HeteroAgents.Inference.Chat;

/// <summary>
/// Builds a token constraint that makes a model emit only JSON valid against a schema. The constrained-decoding engine
/// implements it for a given tokenizer; <see cref="OnnxChatClient"/> uses it for <c>ChatResponseFormat.ForJsonSchema</c>.
/// </summary>
public interface IJsonSchemaConstraintFactory
{
    /// <summary>Creates a fresh constraint (one per generation) for the schema text.</summary>
    /// <param name="schemaJson">The JSON Schema, as JSON text.</param>
    ITokenConstraint Create(string schemaJson);
}
