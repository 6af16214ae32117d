namespace HeteroAgents.ModelMaker;

/// <summary>Where a model folder puts its ONNX graph.</summary>
public enum ModelLayout
{
    /// <summary><c>model.onnx</c> (and <c>model.onnx.data</c>) at the folder root.</summary>
    Transformers,

    /// <summary>
    /// The onnx-community / transformers.js layout: <c>onnx/model.onnx</c>, <c>onnx/model_fp16.onnx</c>,
    /// <c>onnx/model_int8.onnx</c> or <c>onnx/model_q4.onnx</c> by precision, external data in <c>&lt;file&gt;_data</c>,
    /// and <c>transformers.js_config</c> in config.json.
    /// </summary>
    OnnxCommunity,
}
