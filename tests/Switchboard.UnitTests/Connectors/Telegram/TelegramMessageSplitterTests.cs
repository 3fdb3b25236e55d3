using Switchboard.Connectors.Telegram;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramMessageSplitterTests
{
    [Fact]
    public void Split_ShortText_ReturnsItUnchanged()
    {
        Assert.Equal(["Thanks, we're on it."], TelegramMessageSplitter.Split("Thanks, we're on it.", html: false));
    }

    [Fact]
    public void Split_LongPlainText_CutsAtParagraphsWithinLimit()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("We checked your order and the parcel is with the courier.", 20));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 6));

        var parts = TelegramMessageSplitter.Split(text, html: false);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramMessageSplitter.MaxLength));
        Assert.All(parts, p => Assert.EndsWith("courier.", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal),
            string.Concat(parts).Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_NoParagraphs_CutsAfterASentence()
    {
        var text = string.Concat(Enumerable.Repeat("Your refund was approved today. ", 200)).TrimEnd();

        var parts = TelegramMessageSplitter.Split(text, html: false);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramMessageSplitter.MaxLength));
        Assert.EndsWith("today.", parts[0], StringComparison.Ordinal);
        Assert.StartsWith("Your refund", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_OneHugeWord_CutsHardButKeepsSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 3000));

        var parts = TelegramMessageSplitter.Split(text, html: false);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.False(char.IsLowSurrogate(p[0])));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_Html_NeverCutsInsideTagOrEntityAndRebalancesTags()
    {
        var sentence = "<b>Case 4411</b> &amp; <a href=\"https://example.com/orders?id=4411&amp;x=1\">order link</a> ";
        var text = "<i>" + string.Concat(Enumerable.Repeat(sentence, 120)) + "</i>";

        var parts = TelegramMessageSplitter.Split(text, html: true, maxLength: 1000);

        Assert.True(parts.Count > 1);
        foreach (var part in parts)
        {
            Assert.InRange(part.Length, 1, 1000);
            Assert.StartsWith("<i>", part, StringComparison.Ordinal);
            Assert.EndsWith("</i>", part, StringComparison.Ordinal);
            Assert.Equal(part.Count(c => c == '<'), part.Count(c => c == '>'));
            Assert.Equal(Count(part, "<b>"), Count(part, "</b>"));
            Assert.Equal(Count(part, "<a "), Count(part, "</a>"));
            Assert.DoesNotMatch("&[a-z]*$", part);
            Assert.DoesNotMatch("^[a-z]*;", part);
        }
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
