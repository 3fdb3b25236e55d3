using Switchboard.Connectors.Slack;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackTextSplitterTests
{
    [Fact]
    public void Split_ShortText_OnePartUnchanged()
    {
        Assert.Equal(["Thanks, refunded."], SlackTextSplitter.Split("Thanks, refunded."));
    }

    [Fact]
    public void Split_ExactlyAtLimit_OnePart()
    {
        var text = new string('a', SlackTextSplitter.MaxMessageChars);

        Assert.Equal([text], SlackTextSplitter.Split(text));
    }

    [Fact]
    public void Split_Paragraphs_CutsAtTheLastParagraphBreak()
    {
        var first = new string('a', 3000);
        var second = new string('b', 1500);

        var parts = SlackTextSplitter.Split(first + "\n\n" + second);

        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Split_Words_CutsBetweenWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 2000));

        var parts = SlackTextSplitter.Split(text);

        Assert.All(parts, p => Assert.True(p.Length <= SlackTextSplitter.MaxMessageChars));
        Assert.All(parts, p => Assert.DoesNotContain("wor ", p + " ", StringComparison.Ordinal));
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public void Split_NoBoundary_HardCutsAtTheLimit()
    {
        var text = new string('x', 9000);

        var parts = SlackTextSplitter.Split(text);

        Assert.Equal([4000, 4000, 1000], parts.Select(p => p.Length));
    }

    [Fact]
    public void Split_SurrogatePairAcrossTheLimit_KeepsThePairWhole()
    {
        var text = new string('x', 3999) + "😀" + new string('y', 10);

        var parts = SlackTextSplitter.Split(text);

        Assert.Equal(3999, parts[0].Length);
        Assert.StartsWith("😀", parts[1], StringComparison.Ordinal);
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_Empty_OneEmptyPart()
    {
        Assert.Equal([string.Empty], SlackTextSplitter.Split(string.Empty));
    }
}
