using HeteroAgents.Security;

namespace HeteroAgents.Security.Tests;

public sealed class SecretFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hetero-secret-file-");

    [Theory]
    [InlineData("s3cret\n", "s3cret")]
    [InlineData("s3cret\r\n", "s3cret")]
    [InlineData("s3cret", "s3cret")]
    [InlineData("with space \n\n", "with space \n")]
    public void Reads_the_file_less_one_trailing_line_break(string content, string expected)
    {
        var path = Write("secret", content);

        Assert.Equal(expected, SecretFile.Read(path, "Hetero:Redis:PasswordFile"));
    }

    [Fact]
    public void A_missing_file_names_the_setting_and_the_path()
    {
        var path = Path.Combine(_dir.FullName, "absent");

        var ex = Assert.Throws<InvalidOperationException>(() => SecretFile.Read(path, "Hetero:Redis:PasswordFile"));

        Assert.Contains("Hetero:Redis:PasswordFile", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_a_problem()
    {
        var path = Write("empty", "\n");

        Assert.Contains("empty", SecretFile.Problem(path, "X:PasswordFile"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_file_is_refused_without_showing_its_content()
    {
        var path = Write("big", "leak-" + new string('x', SecretFile.MaxBytes));

        var problem = SecretFile.Problem(path, "X:PasswordFile");

        Assert.NotNull(problem);
        Assert.DoesNotContain("leak-", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_or_default_falls_back_when_unset_or_unusable()
    {
        Assert.Equal("fallback", SecretFile.ReadOrDefault(null, "X:PasswordFile", "fallback"));
        Assert.Equal("fallback", SecretFile.ReadOrDefault(Path.Combine(_dir.FullName, "absent"), "X:PasswordFile", "fallback"));
        Assert.Equal("from-file", SecretFile.ReadOrDefault(Write("ok", "from-file"), "X:PasswordFile", "fallback"));
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
