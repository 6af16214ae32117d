using System.Runtime.InteropServices;

namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// Builds an ONNX graph: nodes in topological order, lazily materialized initializers, and the graph's
/// typed inputs and outputs (with named dynamic dimensions).
/// </summary>
internal sealed class OnnxGraph
{
    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];
    private readonly List<OnnxInitializer> _initializers = [];
    private readonly HashSet<string> _domains = [];
    private int _counter;

    public IReadOnlyList<byte[]> Nodes => _nodes;

    public IReadOnlyList<byte[]> Inputs => _inputs;

    public IReadOnlyList<byte[]> Outputs => _outputs;

    public IReadOnlyList<OnnxInitializer> Initializers => _initializers;

    /// <summary>Operator-set domains other than the default one used by nodes (e.g. com.microsoft).</summary>
    public IReadOnlyCollection<string> Domains => _domains;

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Op(string opType, string[] inputs, string? output = null, params OnnxAttribute[] attributes) =>
        OpMulti(opType, inputs, [output ?? Fresh(opType)], "", attributes)[0];

    /// <summary>Adds a node from a custom domain (e.g. com.microsoft) with one output.</summary>
    public string DomainOp(string domain, string opType, string[] inputs, params OnnxAttribute[] attributes) =>
        OpMulti(opType, inputs, [Fresh(opType)], domain, attributes)[0];

    /// <summary>
    /// Adds a node with several outputs and returns their names: an empty name is created fresh, a null one leaves that
    /// optional output out (written as the empty name ONNX uses for an absent output; its returned name is empty).
    /// </summary>
    public string[] OpMulti(string opType, string[] inputs, string?[] outputs, string domain = "", params OnnxAttribute[] attributes)
    {
        var names = outputs.Select(o => o is null ? string.Empty : o.Length == 0 ? Fresh(opType) : o).ToArray();
        // NodeProto: input=1, output=2, name=3, op_type=4, attribute=5, domain=7.
        var node = new ProtoMessage();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        foreach (var name in names)
        {
            node.String(2, name);
        }

        node.String(3, $"{opType}_{_counter++}").String(4, opType);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute.Encode());
        }

        if (domain.Length > 0)
        {
            node.String(7, domain);
            _domains.Add(domain);
        }

        _nodes.Add(node.ToArray());
        return names;
    }

    public string Initializer(string name, OnnxDataType type, long[] dims, Func<byte[]> data)
    {
        _initializers.Add(new OnnxInitializer(name, type, dims, data));
        return name;
    }

    public string ConstInt64(long[] values, long[]? dims = null)
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        return Initializer(Fresh("const_i64"), OnnxDataType.Int64, dims ?? [values.Length], () => bytes);
    }

    public string ScalarInt64(long value) => ConstInt64([value], []);

    public string ScalarFloat(float value)
    {
        var bytes = BitConverter.GetBytes(value);
        return Initializer(Fresh("const_f32"), OnnxDataType.Float, [], () => bytes);
    }

    public string ConstFloat(float[] values, long[] dims)
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        return Initializer(Fresh("const_f32"), OnnxDataType.Float, dims, () => bytes);
    }

    /// <summary>Declares a graph input; dims are numbers or symbolic names.</summary>
    public void Input(string name, OnnxDataType type, params object[] dims) => _inputs.Add(ValueInfo(name, type, dims));

    /// <summary>
    /// Declares an optional graph input: an initializer of the same name holds its default (ONNX IR ≥ 4), so ONNX Runtime
    /// lists it among the overridable initializers rather than the inputs a caller must feed.
    /// </summary>
    public void InputWithDefault(string name, OnnxDataType type, long[] dims, byte[] value)
    {
        Initializer(name, type, dims, () => value);
        Input(name, type, dims.Cast<object>().ToArray());
    }

    /// <summary>Declares a graph output; dims are numbers or symbolic names.</summary>
    public void Output(string name, OnnxDataType type, params object[] dims) => _outputs.Add(ValueInfo(name, type, dims));

    private string Fresh(string prefix) => $"{prefix}_{_counter++}";

    private static byte[] ValueInfo(string name, OnnxDataType type, object[] dims)
    {
        // TensorShapeProto: dim=1; Dimension: dim_value=1, dim_param=2.
        var shape = new ProtoMessage();
        foreach (var dim in dims)
        {
            var d = dim switch
            {
                string symbol => new ProtoMessage().String(2, symbol),
                _ => new ProtoMessage().Int64(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)),
            };
            shape.Message(1, d);
        }

        // TypeProto.Tensor: elem_type=1, shape=2; TypeProto: tensor_type=1; ValueInfoProto: name=1, type=2.
        var tensorType = new ProtoMessage().Int32(1, (int)type).Message(2, shape);
        var typeProto = new ProtoMessage().Message(1, tensorType);
        return new ProtoMessage().String(1, name).Message(2, typeProto).ToArray();
    }
}
