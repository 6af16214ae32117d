using HeteroAgents.Inference.Generation;

namespace HeteroAgents.Inference.Tests.Generation;

public sealed class StopSequenceMatcherTests
{
    [Fact]
    public void Holds_back_a_possible_stop_prefix_and_cuts_before_the_stop()
    {
        var matcher = new StopSequenceMatcher(["</end>"]);

        Assert.Equal(("abc", false), matcher.Push("abc</"));
        Assert.Equal((string.Empty, false), matcher.Push("en"));
        Assert.Equal(("", true), matcher.Push("d>tail"));
    }

    [Fact]
    public void Releases_held_text_when_the_stop_does_not_follow()
    {
        var matcher = new StopSequenceMatcher(["###"]);

        Assert.Equal(("a", false), matcher.Push("a##"));
        Assert.Equal(("##b", false), matcher.Push("b"));
        Assert.Equal(("c", false), matcher.Push("c#"));
        Assert.Equal("#", matcher.Flush());
    }

    [Fact]
    public void Earliest_of_several_stops_wins()
    {
        var matcher = new StopSequenceMatcher(["zz", "\n"]);

        Assert.Equal(("line", true), matcher.Push("line\nmore zz"));
    }
}
