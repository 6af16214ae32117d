namespace HeteroAgents.Plugins;

/// <summary>Names shared by everything that uses the frontier model.</summary>
public static class HeteroFrontier
{
    /// <summary>
    /// The service key of the frontier <see cref="Microsoft.Extensions.AI.IChatClient"/> in dependency injection
    /// (<c>services.AddKeyedChatClient(HeteroFrontier.ServiceKey, ...)</c>). The plugins resolve escalations with
    /// the client registered under this key; without one, escalations surface as <see cref="TaskEscalatedException"/>.
    /// </summary>
    public const string ServiceKey = "hetero:frontier";

    /// <summary>The <c>served_by</c> value of a result produced by the frontier model <paramref name="model"/>.</summary>
    public static string ServedBy(string model) => "frontier:" + model;
}
