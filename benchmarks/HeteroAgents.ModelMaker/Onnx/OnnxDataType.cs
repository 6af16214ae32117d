namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>The subset of ONNX <c>TensorProto.DataType</c> values the writer uses.</summary>
internal enum OnnxDataType
{
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
    Float16 = 10,
}
