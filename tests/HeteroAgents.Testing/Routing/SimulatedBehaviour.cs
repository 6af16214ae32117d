namespace HeteroAgents.Testing.Routing;

/// <summary>How the simulated SLM answers one labelled case of the routing-quality batch.</summary>
public enum SimulatedBehaviour
{
    /// <summary>The right answer, every value written with high probability (0.80–0.995 on its first token).</summary>
    RightConfident,

    /// <summary>The right answer, but one value (the label, the tool name, a field) written with low probability (0.15–0.55).</summary>
    RightUnsure,

    /// <summary>A wrong answer whose wrong value is written with low probability (0.15–0.55).</summary>
    WrongUnsure,

    /// <summary>A wrong answer, written confidently, with a value that appears nowhere in the source (an invented order id, amount, date, name; an unrelated summary).</summary>
    Hallucinated,

    /// <summary>A wrong answer, written confidently, whose values all appear in the source (the wrong label or tool, the shipping cost as the amount). No check can see it; audits can.</summary>
    WrongConfident,
}
