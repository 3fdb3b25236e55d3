using System.Text.Json.Nodes;
using Switchboard.Core.Cards;
using Switchboard.Core.Cards.Templating;
using Switchboard.Core.Domain;
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
    public void Compose_KindWithoutTemplate_FallsBackToTheBuiltInComposer()
    {
        var payload = CardTestData.Composer().Compose("weekly-digest", CardTestData.Sample("review.data.json"));

        Assert.Equal("weekly-digest", payload.Kind);
        Assert.Equal("1.5", (string?)payload.Card["version"]);
        Assert.DoesNotContain("${", payload.Card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_IncidentWithReviewData_ShowsTheCaseUnderAnIncidentHeading()
    {
        var payload = CardTestData.Composer().Compose(CardKinds.Incident, CardTestData.Sample("incident.case.data.json"));

        var json = payload.Card.ToJsonString(CardTestData.Pretty);
        Assert.Equal("Incident: case #1077, 23 similar reports (outage)", payload.FallbackText);
        Assert.Contains("Incident: 23 similar reports · outage", json, StringComparison.Ordinal);
        Assert.Equal(["approve", "edit", "escalate", "retag"], payload.Card["actions"]!.AsArray().Select(a => (string?)a!["verb"] ?? (string?)a["card"]!["actions"]![0]!["verb"]));
        Assert.DoesNotContain("${", json, StringComparison.Ordinal);
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

    [Fact]
    public void Compose_FoundationReviewData_ResolvesEveryPath()
    {
        var now = new DateTimeOffset(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);
        var record = new CaseRecord(42, "telegram:ana", "telegram", "telegram", CaseStatus.AwaitingApproval, 3, now, now)
        {
            CustomerHandle = "@ana",
            Intent = "billing",
            Severity = "high",
            Confidence = 0.873,
            OwnerTeam = "finance",
            FirstResponseDueAt = now.AddMinutes(45),
            DraftText = "Hi Ana, sorry about the double charge.",
            ReplyIsPublic = true,
        };
        var tokens = new Dictionary<string, string> { ["approve"] = "tokA", ["edit"] = "tokE", ["escalate"] = "tokX", ["retag"] = "tokR" };

        var open = CardTestData.Composer().Compose(CardKinds.Review, ReviewCardData.Build(record, null, ["rule pii.email"], 1, tokens, null, now));
        var done = CardTestData.Composer().Compose(CardKinds.Review, ReviewCardData.Build(record, null, [], 1, tokens, "Approved by @dana at 14:02", now));

        Assert.DoesNotContain("${", open.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(4, open.Card["actions"]!.AsArray().Count);
        Assert.Contains("(87% confidence)", open.Card.ToJsonString(CardTestData.Pretty), StringComparison.Ordinal);
        Assert.Empty(done.Card["actions"]!.AsArray());
        Assert.Contains("Approved by @dana at 14:02", done.Card.ToJsonString(), StringComparison.Ordinal);
    }
}
