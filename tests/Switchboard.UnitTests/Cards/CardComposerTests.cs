using System.Text.Json.Nodes;
using Switchboard.Core.Cards;
using Switchboard.Core.Cards.Templating;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Cards;

public sealed class CardComposerTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.InRepo("cards", "samples"), "*.data.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            data.Add(name[..name.IndexOf('.', StringComparison.Ordinal)], name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Compose_EverySample_FitsTeamsLimitWithNoUnresolvedPaths(string kind, string sample)
    {
        var payload = CardTestData.Composer().Compose(kind, CardTestData.Sample(sample));

        Assert.Equal(kind, payload.Kind);
        Assert.Equal("1.5", (string?)payload.Card["version"]);
        Assert.InRange(CardComposer.MeasureUtf16Bytes(payload.Card), 1, 28 * 1024);
        Assert.DoesNotContain("${", payload.Card.ToJsonString().Replace("${not.a.template}", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(payload.FallbackText));
    }

    [Fact]
    public void Compose_Review_UsesTheCardsFallbackText()
    {
        var payload = CardTestData.Review();

        Assert.Equal("Case #42: billing (high) from @ana on telegram", payload.FallbackText);
    }

    [Fact]
    public void Compose_HugeMessage_ShortensLongTextsToFit()
    {
        var data = CardTestData.Sample("review.data.json");
        data["message"]!["text"] = string.Concat(Enumerable.Repeat("I was charged twice. ", 2000));

        var payload = CardTestData.Composer().Compose("review", data);

        Assert.InRange(CardComposer.MeasureUtf16Bytes(payload.Card), 1, 28 * 1024);
        Assert.Contains("I was charged twice. I was", payload.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("…", payload.Card.ToJsonString(CardTestData.Pretty), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TooManyShortTexts_IsRefused()
    {
        var data = CardTestData.Sample("review.data.json");
        data["case"]!["reasons"] = new JsonArray(Enumerable.Range(0, 600).Select(i => (JsonNode?)("reason number " + i)).ToArray());

        var ex = Assert.Throws<TemplateException>(() => CardTestData.Composer().Compose("review", data));

        Assert.Contains("28672-byte limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shorten_Data_CutsOnlyLongStrings()
    {
        var data = JsonNode.Parse("""{"a":"short","b":["0123456789abc"],"c":{"d":5}}""");

        var shortened = CardComposer.Shorten(data, 10)!;

        Assert.Equal("""{"a":"short","b":["012345678…"],"c":{"d":5}}""", shortened.ToJsonString(CardTestData.Pretty).ReplaceLineEndings(string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));
    }
}
