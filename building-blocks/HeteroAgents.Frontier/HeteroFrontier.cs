namespace HeteroAgents.Frontier;

/// <summary>Names shared by everything that uses the frontier model.</summary>
public static class HeteroFrontier
{
    /// <summary>
    /// The service key of the frontier <see cref="Microsoft.Extensions.AI.IChatClient"/> in dependency injection
    /// (registered by <c>services.AddHeteroFrontier(...)</c>, which also records <see cref="FrontierAvailability"/>). The
    /// escalation resolver asks the client registered under this key; without one, escalations stay escalations.
    /// </summary>
    public const string ServiceKey = "hetero:frontier";

    /// <summary>The <c>served_by</c> value of a result produced by the frontier model <paramref name="model"/>.</summary>
    public static string ServedBy(string model) => "frontier:" + model;
}
