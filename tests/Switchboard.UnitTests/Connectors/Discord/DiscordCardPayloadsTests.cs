using System.Text.Json.Nodes;
using Switchboard.Connectors.Discord;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordCardPayloadsTests
{
    private const string ReviewCard = """
        {
          "type": "AdaptiveCard",
          "version": "1.5",
          "body": [
            { "type": "TextBlock", "text": "Case #12 · billing · high", "weight": "Bolder", "size": "Medium", "wrap": true },
            { "type": "FactSet", "facts": [ { "title": "Customer", "value": "@cleo on discord (public)" }, { "title": "SLA", "value": "" } ] },
            { "type": "TextBlock", "text": "You charged me twice", "wrap": true },
            { "type": "TextBlock", "text": "Draft reply: Sorry about that, we're on it.", "wrap": true, "isSubtle": true }
          ],
          "actions": [
            { "type": "Action.Execute", "title": "Approve", "verb": "approve", "data": { "token": "tokA" } },
            { "type": "Action.Execute", "title": "Edit", "verb": "edit", "data": { "token": "tokE" } },
            { "type": "Action.Execute", "title": "Escalate", "verb": "escalate", "data": { "token": "tokX" } },
            { "type": "Action.OpenUrl", "title": "Open case", "url": "https://example.test/cases/12" }
          ]
        }
        """;

    private const string ExpectedMessage = """
        {
          "embeds": [
            {
              "title": "Case #12 · billing · high",
              "description": "You charged me twice",
              "fields": [
                { "name": "Customer", "value": "@cleo on discord (public)", "inline": true },
                { "name": "SLA", "value": "-", "inline": true },
                { "name": "Draft reply", "value": "Sorry about that, we're on it.", "inline": false }
              ],
              "color": 5793266
            }
          ],
          "components": [
            {
              "type": 1,
              "components": [
                { "type": 2, "style": 3, "label": "Approve", "custom_id": "sb:approve:tokA" },
                { "type": 2, "style": 1, "label": "Edit", "custom_id": "sb:edit:tokE" },
                { "type": 2, "style": 4, "label": "Escalate", "custom_id": "sb:escalate:tokX" },
                { "type": 2, "style": 5, "label": "Open case", "url": "https://example.test/cases/12" }
              ]
            }
          ],
          "allowed_mentions": { "parse": [] }
        }
        """;

    [Fact]
    public void Render_ReviewCard_EmbedWithButtonsCarryingTokens()
    {
        var rendered = DiscordCardPayloads.Render(new CardPayload("review", JsonNode.Parse(ReviewCard)!.AsObject(), "Case #12"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ExpectedMessage), rendered), rendered.ToJsonString());
    }

    [Fact]
    public void Render_ManyActions_AtMostFiveButtonsPerRow()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(),
            ["actions"] = new JsonArray(Enumerable.Range(0, 7).Select(i => (JsonNode?)new JsonObject { ["type"] = "Action.Execute", ["title"] = $"A{i}", ["verb"] = $"v{i}", ["data"] = new JsonObject { ["token"] = $"t{i}" } }).ToArray()),
        };

        var rendered = DiscordCardPayloads.Render(new CardPayload("review", card, "fallback"));

        Assert.Equal([5, 2], rendered["components"]!.AsArray().Select(r => r!["components"]!.AsArray().Count));
        Assert.Equal("fallback", (string?)rendered["content"]);
    }

    [Fact]
    public void Render_ClosedCard_NoComponentsAndOutcomeColour()
    {
        var card = JsonNode.Parse(ReviewCard)!.AsObject();
        card.Remove("actions");
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Approved by @dana", ["weight"] = "Bolder", ["color"] = "Good" });

        var rendered = DiscordCardPayloads.Render(new CardPayload("review", card, "x"));

        Assert.Empty(rendered["components"]!.AsArray());
        Assert.Equal(0x57F287, (int?)rendered["embeds"]![0]!["color"]);
        Assert.Contains("**Approved by @dana**", (string?)rendered["embeds"]![0]!["description"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sb:approve:abc", "approve", "abc")]
    [InlineData("sbm:edit:abc:def", "edit", "abc:def")]
    [InlineData("other:approve:abc", null, null)]
    [InlineData("sb:approve:", null, null)]
    [InlineData(null, null, null)]
    public void ParseCustomId_Variants(string? customId, string? verb, string? token)
    {
        var parsed = DiscordCardPayloads.ParseCustomId(customId);

        Assert.Equal(verb, parsed?.Verb);
        Assert.Equal(token, parsed?.Token);
    }

    [Fact]
    public void DraftOf_PostedMessage_ReadsTheDraftField()
    {
        var rendered = DiscordCardPayloads.Render(new CardPayload("review", JsonNode.Parse(ReviewCard)!.AsObject(), "x"));

        Assert.Equal("Sorry about that, we're on it.", DiscordCardPayloads.DraftOf(rendered));
    }
}
