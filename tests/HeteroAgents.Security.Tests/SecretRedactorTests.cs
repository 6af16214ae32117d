using HeteroAgents.Security;
using Microsoft.Extensions.Configuration;

namespace HeteroAgents.Security.Tests;

public sealed class SecretRedactorTests
{
    private static readonly SecretRedactor Redactor = new(["Sup3r-Secret-Value", null, "abc"]);

    [Fact]
    public void Known_values_are_masked_wherever_they_appear()
    {
        var text = Redactor.Redact("login failed for Sup3r-Secret-Value (again: xSup3r-Secret-Valuex)");

        Assert.Equal("login failed for *** (again: x***x)", text);
        Assert.Equal(1, Redactor.KnownValueCount); // null ignored, "abc" shorter than the minimum
    }

    [Theory]
    [InlineData("amqp://hetero:p4ss@broker:5672/", "amqp://hetero:***@broker:5672/")]
    [InlineData("redis://default:hunter22@cache:6379", "redis://default:***@cache:6379")]
    [InlineData("redis:6379,password=hunter22,ssl=true", "redis:6379,password=***,ssl=true")]
    [InlineData("Server=db;User Id=x;Password=hunter22;", "Server=db;User Id=x;Password=***;")]
    [InlineData("{\"apiKey\": \"abc123def\"}", "{\"apiKey\": \"***\"}")]
    [InlineData("client_secret=s3cr3t&grant_type=x", "client_secret=***&grant_type=x")]
    [InlineData("Authorization: Bearer eyJhbGciOi.payload.sig", "Authorization: Bearer ***")]
    [InlineData("authorization=Basic Z3Vlc3Q6Z3Vlc3Q=", "authorization=Basic ***")]
    [InlineData("sent bearer abcDEF123456 upstream", "sent bearer *** upstream")]
    [InlineData("key sk-proj-AbCdEfGhIjKlMnOpQrStUv rejected", "key *** rejected")]
    public void Patterns_mask_passwords_keys_and_tokens(string input, string expected) =>
        Assert.Equal(expected, SecretRedactor.PatternsOnly.Redact(input));

    [Theory]
    [InlineData("Hetero:Messaging:RabbitMq:Password must be set to the account's password")]
    [InlineData("Set HETERO__REDIS__PASSWORD or HETERO__REDIS__PASSWORDFILE.")]
    [InlineData("generated 512 tokens in 1.2 s; max_tokens: 512")]
    [InlineData("Connected to rabbitmq://127.0.0.1/ as guest")]
    [InlineData("https://example.com/v1/chat/completions")]
    public void Ordinary_text_is_left_alone(string text) =>
        Assert.Equal(text, SecretRedactor.PatternsOnly.Redact(text));

    [Fact]
    public void Null_and_empty_pass_through()
    {
        Assert.Null(Redactor.Redact(null));
        Assert.Equal(string.Empty, Redactor.Redact(string.Empty));
    }

    [Fact]
    public void From_configuration_collects_the_model_hub_token_and_its_file()
    {
        var dir = Directory.CreateTempSubdirectory("hetero-redactor-");
        try
        {
            var file = Path.Combine(dir.FullName, "hf-token");
            File.WriteAllText(file, "hf_from_token_file\n");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hetero:Models:Token"] = "hf_plain_token_value",
                ["Hetero:Models:TokenFile"] = file,
            }).Build();

            var text = SecretRedactor.FromConfiguration(configuration).Redact("pull with hf_from_token_file or hf_plain_token_value");

            Assert.Equal("pull with *** or ***", text);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void From_configuration_collects_values_files_connection_strings_and_the_frontier_key_variable()
    {
        var dir = Directory.CreateTempSubdirectory("hetero-redactor-");
        var variable = "HETERO_TEST_FRONTIER_KEY_" + Guid.NewGuid().ToString("N");
        try
        {
            var file = Path.Combine(dir.FullName, "redis-password");
            File.WriteAllText(file, "from-a-file-secret\n");
            Environment.SetEnvironmentVariable(variable, "frontier-env-secret");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hetero:Messaging:RabbitMq:Password"] = "rabbit-value-secret",
                ["Hetero:Redis:PasswordFile"] = file,
                ["Hetero:Redis:Configuration"] = "redis:6379,password=inline-redis-secret",
                ["Hetero:Slm:ApiKey"] = "slm-key-secret",
                ["Hetero:Frontier:ApiKeyEnvironmentVariable"] = variable,
            }).Build();

            var redactor = SecretRedactor.FromConfiguration(configuration);
            var text = redactor.Redact("rabbit-value-secret from-a-file-secret inline-redis-secret slm-key-secret frontier-env-secret");

            Assert.Equal("*** *** *** *** ***", text);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Connection_string_secrets_are_the_password_entries()
    {
        Assert.Equal(["p1", "p2"], SecretRedactor.ConnectionStringSecrets("a:1, password=p1,ssl=true;pwd=p2"));
        Assert.Empty(SecretRedactor.ConnectionStringSecrets("127.0.0.1:6379"));
        Assert.Empty(SecretRedactor.ConnectionStringSecrets(null));
    }
}
