using System.Runtime.InteropServices;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// One entry of a parse stack. The meaning of the generic fields depends on <see cref="Kind"/>:
/// Object: A last property index, B property count, E pending value node, C/D seen-property bits.
/// Array: B item count, A and E matches of the first and second contains, C item log head (unique items), D start of the current item.
/// String: State lexer state, A DFA state, B code points, C \u accumulator, E high surrogate.
/// Number: State lexer state, A flags, B fraction digits, E exponent, C mantissa, D significant digits.
/// Literal: A DFA state. Value: Spec is the value node.
/// Group: Spec the group, State the member (role) this thread evaluates, C the instance (position of the value's
/// first byte), A 0 while running, 1 or 2 once the member's value ended with the current byte consumed or not,
/// E what the member reported on arrival. W counts consecutive whitespace bytes. The struct is 48 bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Frame
{
    public const int Root = 0, Value = 1, Object = 2, Array = 3, String = 4, Number = 5, Literal = 6, Group = 7;

    public int Kind;
    public int Spec;
    public int State;
    public int A;
    public int B;
    public int E;
    public int W;

    /// <summary>Value, Object, Array and Group frames: how many containers enclose the value (its nesting level).</summary>
    public int N;
    public long C;
    public long D;

    public static Frame Of(int kind, int spec) => new() { Kind = kind, Spec = spec, A = kind == Object ? -1 : 0 };
}
