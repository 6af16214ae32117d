namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>Builds one layer's attention from its q/k/v projections ([batch, seq, heads*d] each).</summary>
internal interface IAttentionBuilder
{
    /// <summary>Adds the attention of <paramref name="layer"/> (writing present.N.key|value) and returns [batch, seq, heads*d].</summary>
    string Apply(int layer, string q, string k, string v);
}
