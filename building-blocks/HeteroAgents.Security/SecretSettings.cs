namespace HeteroAgents.Security;

/// <summary>
/// Every setting of HeteroAgents that holds a secret. Secrets come from environment variables or files (the
/// <c>...File</c> settings), never from the command line; their values are redacted from logs and error messages.
/// </summary>
public static class SecretSettings
{
    /// <summary>The environment variable holding the frontier API key when <c>Hetero:Frontier:ApiKeyEnvironmentVariable</c> is not set.</summary>
    public const string DefaultFrontierApiKeyVariable = "HETERO_FRONTIER_API_KEY";

    /// <summary>The key naming the environment variable that holds the frontier API key.</summary>
    public const string FrontierApiKeyVariableKey = "Hetero:Frontier:ApiKeyEnvironmentVariable";

    /// <summary>The secret settings and their file counterparts.</summary>
    public static IReadOnlyList<SecretSetting> All { get; } =
    [
        new("Hetero:Messaging:RabbitMq:Password", "Hetero:Messaging:RabbitMq:PasswordFile"),
        new("Hetero:Messaging:RabbitMq:TlsClientCertificatePassword", "Hetero:Messaging:RabbitMq:TlsClientCertificatePasswordFile"),
        new("Hetero:Redis:Password", "Hetero:Redis:PasswordFile"),
        new("Hetero:Slm:ApiKey", "Hetero:Slm:ApiKeyFile"),
        new(null, "Hetero:Frontier:ApiKeyFile"),
        new("Hetero:Models:Token", "Hetero:Models:TokenFile"),
    ];

    /// <summary>Connection-string settings that may embed a secret (<c>password=...</c>).</summary>
    public static IReadOnlyList<string> ConnectionStringKeys { get; } =
    [
        "Hetero:Redis:Configuration",
        "Hetero:Flywheel:Logging:RedisConfiguration",
    ];
}
