using System.IO.MemoryMappedFiles;
using System.Text;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// The model file with its 4-bit MatMulNBits nodes switched from int8 compute (<c>accuracy_level</c> 4) to float32
/// compute (<c>accuracy_level</c> 1), for the prompt session (<see cref="OnnxModelOptions.Float32Prefill"/>). On CPU,
/// ONNX Runtime's int8-compute kernel is the faster one for a single row (decode) and its 4-bit float32-compute kernel,
/// which unpacks a block of weights once and uses it for every row, the faster one for many rows (prompt chunks):
/// ≈ 1.5× the prompt tokens/s of a 4-bit smollm2-size model. 8-bit nodes keep int8 compute, which is the faster one
/// for them in prompt chunks too (docs/BENCHMARKS.md, issue 13 fifth pass).
/// </summary>
/// <remarks>
/// The serialized graph is walked (ModelProto.graph → GraphProto.node → NodeProto.attribute; subgraphs are left alone)
/// and the one-byte varint 4 of each such node's <c>accuracy_level</c> is overwritten with 1, which has the same
/// encoding length, so no length around it changes.
/// </remarks>
internal static unsafe class Float32PrefillGraph
{
    private const int LengthDelimited = 2;
    private static readonly byte[] MatMulNBits = Encoding.ASCII.GetBytes("MatMulNBits");
    private static readonly byte[] AccuracyLevel = Encoding.ASCII.GetBytes("accuracy_level");
    private static readonly byte[] Bits = Encoding.ASCII.GetBytes("bits");

    /// <summary>
    /// The model's bytes with every 4-bit int8-compute MatMulNBits switched to float32 compute, or null when it has none
    /// (found by walking a read-only mapping of the file, so a model without any is not read into memory).
    /// </summary>
    public static byte[]? Read(string modelFile)
    {
        using (var file = MemoryMappedFile.CreateFromFile(modelFile, FileMode.Open, null, 0, MemoryMappedFileAccess.Read))
        using (var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read))
        {
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            try
            {
                var length = checked((int)new FileInfo(modelFile).Length);
                if (Patch(new Span<byte>(start + view.PointerOffset, length), apply: false) == 0)
                {
                    return null;
                }
            }
            finally
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }

        var bytes = File.ReadAllBytes(modelFile);
        Patch(bytes);
        return bytes;
    }

    /// <summary>
    /// Rewrites <c>accuracy_level: 4</c> to 1 in place in 4-bit MatMulNBits nodes (only counts them when not
    /// <paramref name="apply"/>); returns how many there are.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    internal static int Patch(Span<byte> model, bool apply = true)
    {
        var changed = 0;
        foreach (var graph in Fields(model))
        {
            if (graph.Number != 7)
            {
                continue;
            }

            foreach (var node in Fields(graph.Value))
            {
                if (node.Number == 1 && PatchNode(node.Value, apply))
                {
                    changed++;
                }
            }
        }

        return changed;
    }

    private static bool PatchNode(Span<byte> node, bool apply)
    {
        var isMatMulNBits = false;
        var bits = 4L; // the operator's default when the attribute is absent
        var accuracyAt = -1;
        foreach (var field in Fields(node))
        {
            if (field.Number == 4)
            {
                isMatMulNBits = field.Value.SequenceEqual(MatMulNBits);
            }
            else if (field.Number == 5)
            {
                var name = Attribute(field.Value, out var i, out var iAt);
                if (name.SequenceEqual(Bits))
                {
                    bits = i;
                }
                else if (name.SequenceEqual(AccuracyLevel) && i == 4 && iAt >= 0)
                {
                    accuracyAt = Offset(node, field.Value) + iAt;
                }
            }
        }

        if (!isMatMulNBits || bits != 4 || accuracyAt < 0)
        {
            return false;
        }

        if (apply)
        {
            node[accuracyAt] = 0x01;
        }

        return true;
    }

    /// <summary>An AttributeProto's name, its integer value and the offset of that value's varint when it is one byte (else −1).</summary>
    private static ReadOnlySpan<byte> Attribute(Span<byte> attribute, out long i, out int at)
    {
        Span<byte> name = default;
        i = 0;
        at = -1;
        var pos = 0;
        while (pos < attribute.Length)
        {
            var tag = ReadVarint(attribute, ref pos);
            var field = (int)(tag >> 3);
            var wire = (int)(tag & 7);
            if (field == 1 && wire == LengthDelimited)
            {
                var length = (long)ReadVarint(attribute, ref pos);
                if (length > attribute.Length - pos)
                {
                    throw new InvalidDataException("An attribute name runs past the end of its attribute in the ONNX model.");
                }

                name = attribute.Slice(pos, (int)length);
                pos += (int)length;
            }
            else if (field == 3 && wire == 0)
            {
                var start = pos;
                i = (long)ReadVarint(attribute, ref pos);
                at = pos - start == 1 ? start : -1;
            }
            else
            {
                Skip(attribute, wire, ref pos);
            }
        }

        return name;
    }

    private static FieldEnumerable Fields(Span<byte> message) => new(message);

    private static int Offset(Span<byte> outer, Span<byte> inner) =>
        (int)System.Runtime.CompilerServices.Unsafe.ByteOffset(ref outer[0], ref inner[0]);

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new InvalidDataException("Truncated varint in the ONNX model.");
            }

            var b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Malformed varint in the ONNX model.");
    }

    private static void Skip(ReadOnlySpan<byte> data, int wire, ref int pos)
    {
        switch (wire)
        {
            case 0: ReadVarint(data, ref pos); break;
            case 1: pos += 8; break;
            case LengthDelimited:
                var length = ReadVarint(data, ref pos);
                pos = length > (ulong)(data.Length - pos) ? data.Length + 1 : pos + (int)length;
                break;
            case 5: pos += 4; break;
            default: throw new InvalidDataException($"Unsupported protobuf wire type {wire} in the ONNX model.");
        }

        if (pos > data.Length)
        {
            throw new InvalidDataException("A field runs past the end of its message in the ONNX model.");
        }
    }

    /// <summary>A length-delimited field of a message: its number and its bytes, a slice of the message.</summary>
    private readonly ref struct ProtoField(int number, Span<byte> value)
    {
        public int Number { get; } = number;

        public Span<byte> Value { get; } = value;
    }

    /// <summary>Walks a message's length-delimited fields (others are skipped) without copying.</summary>
    private ref struct FieldEnumerable(Span<byte> message)
    {
        private readonly Span<byte> _message = message;
        private int _pos;

        public ProtoField Current { get; private set; }

        public readonly FieldEnumerable GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_pos < _message.Length)
            {
                var tag = ReadVarint(_message, ref _pos);
                var wire = (int)(tag & 7);
                if (wire != LengthDelimited)
                {
                    Skip(_message, wire, ref _pos);
                    continue;
                }

                var length = (long)ReadVarint(_message, ref _pos);
                if (length < 0 || _pos + length > _message.Length)
                {
                    throw new InvalidDataException("A field runs past the end of its message in the ONNX model.");
                }

                Current = new ProtoField((int)(tag >> 3), _message.Slice(_pos, (int)length));
                _pos += (int)length;
                return true;
            }

            return false;
        }
    }
}
