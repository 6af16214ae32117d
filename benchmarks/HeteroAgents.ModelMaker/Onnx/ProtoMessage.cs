using Google.Protobuf;

namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// A small protobuf message encoder (proto2 wire format) used to hand-encode the ONNX messages.
/// Repeated scalars are written unpacked, which every protobuf parser accepts for proto2 fields.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly MemoryStream _buffer = new();
    private readonly CodedOutputStream _out;

    public ProtoMessage() => _out = new CodedOutputStream(_buffer, leaveOpen: true);

    public ProtoMessage Int64(int field, long value)
    {
        _out.WriteTag(field, WireFormat.WireType.Varint);
        _out.WriteInt64(value);
        return this;
    }

    public ProtoMessage Int32(int field, int value)
    {
        _out.WriteTag(field, WireFormat.WireType.Varint);
        _out.WriteInt32(value);
        return this;
    }

    public ProtoMessage Float(int field, float value)
    {
        _out.WriteTag(field, WireFormat.WireType.Fixed32);
        _out.WriteFloat(value);
        return this;
    }

    public ProtoMessage String(int field, string value)
    {
        _out.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _out.WriteString(value);
        return this;
    }

    public ProtoMessage Bytes(int field, ReadOnlyMemory<byte> value)
    {
        _out.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _out.WriteBytes(UnsafeByteOperations.UnsafeWrap(value));
        return this;
    }

    public ProtoMessage Message(int field, ProtoMessage message) => Bytes(field, message.ToArray());

    public byte[] ToArray()
    {
        _out.Flush();
        return _buffer.ToArray();
    }

    /// <summary>The encoded size of a length-delimited field with the given payload length.</summary>
    public static long FieldSize(int field, long payloadLength) =>
        CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(checked((int)Math.Min(payloadLength, int.MaxValue))) + payloadLength;
}
