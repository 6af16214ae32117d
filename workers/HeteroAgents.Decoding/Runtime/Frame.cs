using System.Runtime.InteropServices;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// One entry of a parse stack. The meaning of the generic fields depends on <see cref="Kind"/>:
/// Object: A last property index, B property count, E pending value node, C/D seen-property bits.
/// Array: B item count. String: State lexer state, A DFA state, B code points, C \u accumulator, E high surrogate.
/// Number: State lexer state, A flags, B fraction digits, E exponent, C mantissa, D significant digits.
/// Literal: A DFA state. Value: Spec is the value node. W counts consecutive whitespace bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Frame
{
    public const int Root = 0, Value = 1, Object = 2, Array = 3, String = 4, Number = 5, Literal = 6;

    public int Kind;
    public int Spec;
    public int State;
    public int A;
    public int B;
    public int E;
    public int W;
    public long C;
    public long D;

    public static Frame Of(int kind, int spec) => new() { Kind = kind, Spec = spec, A = kind == Object ? -1 : 0 };
}
