using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;

namespace HeteroAgents.Security;

/// <summary>
/// Finds secrets passed on the command line (<c>--Hetero:Messaging:RabbitMq:Password=...</c>), where every user of the
/// machine can read them in the process list. Secrets belong in the environment or in files.
/// </summary>
public static class CommandLineSecretGuard
{
    /// <summary>
    /// The secret settings of <see cref="SecretSettings"/> that a command-line configuration source of
    /// <paramref name="configuration"/> supplies, plus connection strings given there with a <c>password=</c> in them.
    /// Empty when <paramref name="configuration"/> is not a configuration root or has no command-line source.
    /// </summary>
    public static IReadOnlyList<string> FindSecretsOnCommandLine(IConfiguration? configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return [];
        }

        var found = new List<string>();
        foreach (var provider in root.Providers.OfType<CommandLineConfigurationProvider>())
        {
            foreach (var setting in SecretSettings.All)
            {
                if (setting.Key is not null && provider.TryGet(setting.Key, out _))
                {
                    found.Add(setting.Key);
                }
            }

            foreach (var key in SecretSettings.ConnectionStringKeys)
            {
                if (provider.TryGet(key, out var value) && SecretRedactor.ConnectionStringSecrets(value).Any())
                {
                    found.Add(key);
                }
            }
        }

        return found.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>The error message for secrets found by <see cref="FindSecretsOnCommandLine"/>; names the settings, never the values.</summary>
    public static string Describe(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return $"{string.Join(", ", keys)} must not be given on the command line (other users can read it in the process list): " +
               "set it in the environment (e.g. HETERO__MESSAGING__RABBITMQ__PASSWORD) or point the matching ...File setting at a secret file.";
    }
}
