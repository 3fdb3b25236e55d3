using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordMessageSplitterTests
{
    [Fact]
    public void Split_Short_OnePart()
    {
        Assert.Equal(["Hello there"], DiscordMessageSplitter.Split("  Hello there \n"));
    }

    [Fact]
    public void Split_Paragraphs_CutsAtAParagraphBreak()
    {
        var first = new string('a', 1500);
        var second = new string('b', 1000);

        var parts = DiscordMessageSplitter.Split(first + "\n\n" + second);

        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Split_Words_CutsAtASpaceAndKeepsEveryWord()
    {
        var words = Enumerable.Range(0, 700).Select(i => "word" + i).ToList();

        var parts = DiscordMessageSplitter.Split(string.Join(' ', words));

        Assert.All(parts, p => Assert.InRange(p.Length, 1000, 2000));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')));
    }

    [Fact]
    public void Split_NoBreaks_HardCutNeverSplitsASurrogatePair()
    {
        var text = "x" + string.Concat(Enumerable.Repeat("😀", 1500));

        var parts = DiscordMessageSplitter.Split(text);

        Assert.All(parts, p => Assert.True(p.Length <= 2000 && !char.IsHighSurrogate(p[^1]) && !char.IsLowSurrogate(p[0])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_Empty_OneEmptyPart()
    {
        Assert.Equal([string.Empty], DiscordMessageSplitter.Split(string.Empty));
    }
}
