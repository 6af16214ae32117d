namespace HeteroAgents.Security;

/// <summary>A configuration key that holds a secret, and the key naming a file the secret may be read from instead.</summary>
/// <param name="Key">The key holding the secret itself, e.g. <c>Hetero:Messaging:RabbitMq:Password</c>; null when the secret never lives in configuration.</param>
/// <param name="FileKey">The key naming a file that holds the secret, e.g. <c>Hetero:Messaging:RabbitMq:PasswordFile</c>; null when there is none.</param>
public sealed record SecretSetting(string? Key, string? FileKey);
