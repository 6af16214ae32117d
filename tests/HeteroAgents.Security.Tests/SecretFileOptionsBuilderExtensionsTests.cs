using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Security.Tests;

/// <summary>The one way options read a secret file, and the one way failures name their configuration key.</summary>
public sealed class SecretFileOptionsBuilderExtensionsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hetero-secret-options-");

    private static SampleOptions Resolve(Action<SampleOptions> bind)
    {
        var services = new ServiceCollection();
        services.AddOptions<SampleOptions>()
            .Configure(bind)
            .ReadSecretFile("Sample:PasswordFile", o => o.PasswordFile, (o, password) => o.Password = password)
            .ValidateSection("Sample", new SampleOptionsValidator());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SampleOptions>>().Value;
    }

    [Fact]
    public void The_file_content_becomes_the_value_less_its_line_break()
    {
        var file = Path.Combine(_dir.FullName, "password");
        File.WriteAllText(file, "from-file\n");

        Assert.Equal("from-file", Resolve(o => (o.PasswordFile, o.Password) = (file, "from-config")).Password);
    }

    [Fact]
    public void Without_a_file_the_bound_value_stays()
    {
        Assert.Equal("from-config", Resolve(o => o.Password = "from-config").Password);
    }

    [Fact]
    public void A_missing_file_fails_naming_the_setting_and_the_path()
    {
        var missing = Path.Combine(_dir.FullName, "absent");

        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(o => o.PasswordFile = missing));

        Assert.Contains($"Sample:PasswordFile names '{missing}', which does not exist.", ex.Failures);
    }

    [Fact]
    public void A_data_annotation_failure_names_the_configuration_key()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(o => (o.Password, o.Retries) = ("x", 0)));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("Sample:Retries", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("SampleOptions.Retries", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_member_is_named_by_its_nested_key()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(o => (o.Password, o.Inner.Name) = ("x", "")));

        Assert.Contains("Sample:Inner:Name", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
