using HeteroAgents.Inference.Hub;

namespace HeteroAgents.Inference.Tests.Hub;

/// <summary><c>owner/name[@revision]</c>, parsed in one place for <c>--model</c>, <c>Hetero:Slm:ModelPath</c>, <c>hetero models pull</c> and the default model.</summary>
public sealed class ModelReferenceTests
{
    [Theory]
    [InlineData("acme/tiny", true)]
    [InlineData("acme/tiny@main", true)]
    [InlineData("acme/tiny@v2", true)]
    [InlineData("tiny", false)]
    [InlineData("/models/tiny", false)]
    [InlineData("a/b/c", false)]
    [InlineData("../tiny", false)]
    [InlineData("./tiny", false)]
    [InlineData("~/tiny", false)]
    [InlineData("acme\\tiny", false)]
    [InlineData("acme/tiny@", false)]
    [InlineData("@v1", false)]
    [InlineData("", false)]
    public void The_shape_is_owner_slash_name_with_an_optional_revision(string value, bool expected)
    {
        Assert.Equal(expected, ModelReference.TryParse(value, out _));
    }

    [Fact]
    public void The_parts_name_and_pull_command_follow_the_revision()
    {
        var pinned = ModelReference.Parse("HuggingFaceTB/SmolLM2-360M-Instruct@abc123");
        var latest = ModelReference.Parse("HuggingFaceTB/SmolLM2-360M-Instruct");

        Assert.Equal(("HuggingFaceTB/SmolLM2-360M-Instruct", "abc123", "SmolLM2-360M-Instruct"), (pinned.Repository, pinned.Revision, pinned.Name));
        Assert.Equal(ModelReference.DefaultRevision, latest.Revision);
        Assert.Equal("hetero models pull HuggingFaceTB/SmolLM2-360M-Instruct --revision abc123", pinned.PullCommand);
        Assert.Equal("hetero models pull HuggingFaceTB/SmolLM2-360M-Instruct", latest.PullCommand);
        Assert.Equal("HuggingFaceTB/SmolLM2-360M-Instruct@main", latest.ToString());
        Assert.Throws<FormatException>(() => ModelReference.Parse("not a reference"));
    }
}
