using Switchboard.Core.Triage.Normalization;

namespace Switchboard.UnitTests.Triage.Normalization;

public sealed class TextTokenizerTests
{
    private static List<(string Text, TokenKind Kind)> Tokens(string text)
    {
        var tokens = new TokenizedText();
        TextTokenizer.Tokenize(text, tokens);
        return [.. Enumerable.Range(0, tokens.Count).Select(i => (tokens.Text(i).ToString(), tokens.Kinds[i]))];
    }

    [Fact]
    public void Tokenize_SocialText_MasksHandlesLinksEmailsAndNumbers()
    {
        var tokens = Tokens("@Brand_Help why can't I LOG in?? see https://x.co/abc mail me a.b@example.com order 123456");

        Assert.Equal(("brand_help", TokenKind.Handle), tokens[0]);
        Assert.Contains(("cant", TokenKind.Word), tokens);
        Assert.Contains(("log", TokenKind.Word), tokens);
        Assert.Contains(tokens, t => t.Kind == TokenKind.Question);
        Assert.Contains(tokens, t => t.Kind == TokenKind.Url);
        Assert.Contains(tokens, t => t.Kind == TokenKind.Email);
        Assert.Contains(("123456", TokenKind.Number), tokens);
    }

    [Fact]
    public void Tokenize_StretchedLettersAndHashtags_Normalized()
    {
        var tokens = Tokens("soooo slowwww #BoycottBrand");

        Assert.Equal(("soo", TokenKind.Word), tokens[0]);
        Assert.Equal(("sloww", TokenKind.Word), tokens[1]);
        Assert.Equal(("boycottbrand", TokenKind.Hashtag), tokens[2]);
    }

    [Fact]
    public void Tokenize_EmojiWithModifiers_OneTokenEach()
    {
        var tokens = Tokens("🙌🏽🙌🏽 ❤️");

        Assert.Equal(3, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(TokenKind.Emoji, t.Kind));
    }

    [Fact]
    public void Tokenize_LoneSurrogatesAndControlCharacters_SkippedWithoutThrowing()
    {
        var tokens = Tokens("bad \uD800 text \u0000\u0007 here \uDC00");

        Assert.Equal(["bad", "text", "here"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_HugeText_StopsAtLimit()
    {
        var tokens = new TokenizedText();
        TextTokenizer.Tokenize(string.Concat(Enumerable.Repeat("word ", 200_000)), tokens);

        // 8192 chars of "word " is 1638 whole words and the start of one more.
        Assert.Equal((TextTokenizer.MaxChars / 5) + 1, tokens.Count);
    }
}
