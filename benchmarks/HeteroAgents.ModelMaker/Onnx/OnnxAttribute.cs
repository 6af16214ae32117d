namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>One node attribute, encoded as an ONNX <c>AttributeProto</c>.</summary>
internal sealed class OnnxAttribute
{
    private readonly ProtoMessage _message;

    private OnnxAttribute(ProtoMessage message) => _message = message;

    // AttributeProto: name=1, f=2, i=3, s=4, floats=7, ints=8, type=20.
    // AttributeType: FLOAT=1, INT=2, STRING=3, INTS=7.
    public static OnnxAttribute Int(string name, long value) =>
        new(new ProtoMessage().String(1, name).Int32(20, 2).Int64(3, value));

    public static OnnxAttribute Float(string name, float value) =>
        new(new ProtoMessage().String(1, name).Int32(20, 1).Float(2, value));

    public static OnnxAttribute String(string name, string value) =>
        new(new ProtoMessage().String(1, name).Int32(20, 3).Bytes(4, System.Text.Encoding.UTF8.GetBytes(value)));

    public static OnnxAttribute Ints(string name, params long[] values)
    {
        var message = new ProtoMessage().String(1, name).Int32(20, 7);
        foreach (var value in values)
        {
            message.Int64(8, value);
        }

        return new(message);
    }

    public ProtoMessage Encode() => _message;
}
