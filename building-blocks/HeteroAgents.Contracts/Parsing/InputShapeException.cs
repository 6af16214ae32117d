namespace HeteroAgents.Contracts;

/// <summary>Raised inside the parser when a line does not have the required shape; turned into a <see cref="TaskError"/>.</summary>
internal sealed class InputShapeException : Exception
{
    public InputShapeException(string code, string field, string message)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public InputShapeException()
    {
        Code = TaskErrorCodes.InvalidInput;
        Field = "input";
    }

    public InputShapeException(string message)
        : base(message)
    {
        Code = TaskErrorCodes.InvalidInput;
        Field = "input";
    }

    public InputShapeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = TaskErrorCodes.InvalidInput;
        Field = "input";
    }

    public string Code { get; }

    public string Field { get; }
}
