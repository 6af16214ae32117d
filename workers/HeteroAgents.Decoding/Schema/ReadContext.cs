using System.Text.Json;

namespace HeteroAgents.Decoding.Schema;

/// <summary>The schema object being read: its element, its pointer in its document, the pointer shown in messages, and its scope.</summary>
internal readonly record struct ReadContext(JsonElement Element, string Ptr, string At, SchemaScope Scope);
