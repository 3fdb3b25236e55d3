using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering.Slack;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Cards.Rendering.Slack;

public sealed class SlackCardRendererTests
{
    /// <summary>A hand-written expanded review card (the cards templates produce this shape).</summary>
    internal const string ReviewCard = """
        {
          "type": "AdaptiveCard", "version": "1.5",
          "body": [
            { "type": "TextBlock", "text": "Review reply · case #42", "style": "heading", "size": "large", "weight": "bolder" },
            { "type": "FactSet", "facts": [
              { "title": "Customer", "value": "@maya_k (slack)" },
              { "title": "Intent", "value": "billing" },
              { "title": "Severity", "value": "high" },
              { "title": "Confidence", "value": "0.82" }
            ] },
            { "type": "TextBlock", "text": "**Customer wrote:** I was charged twice for order <#1234> & want a refund", "wrap": true },
            { "type": "Container", "style": "emphasis", "items": [
              { "type": "TextBlock", "id": "draft", "text": "Hi Maya, sorry about the double charge. I've refunded the duplicate payment; it shows in 3-5 days.", "wrap": true }
            ] },
            { "type": "TextBlock", "text": "Routed to Billing by rule [billing-refunds](https://example.org/rules/billing-refunds)", "isSubtle": true, "size": "small" },
            { "type": "Input.ChoiceSet", "id": "intent", "choices": [
              { "title": "Billing", "value": "billing" },
              { "title": "Outage", "value": "outage" },
              { "title": "Trust & safety", "value": "trust_safety" }
            ] }
          ],
          "actions": [
            { "type": "Action.Execute", "title": "Approve", "verb": "approve", "style": "positive", "data": { "token": "tApprove0123456789abcdefABCDEF_-" } },
            { "type": "Action.Execute", "title": "Edit", "verb": "edit", "data": { "token": "tEdit" } },
            { "type": "Action.Execute", "title": "Escalate", "verb": "escalate", "style": "destructive", "data": { "token": "tEscalate" } },
            { "type": "Action.Execute", "title": "Retag", "verb": "retag", "data": { "token": "tRetag" } }
          ]
        }
        """;

    [Fact]
    public void Render_ReviewCard_MatchesGolden()
    {
        var rendered = new SlackCardRenderer().Render(Card(ReviewCard, "Review reply for case #42"));

        AssertJson("""
            {
              "text": "Review reply for case #42",
              "blocks": [
                { "type": "header", "text": { "type": "plain_text", "text": "Review reply · case #42", "emoji": true } },
                { "type": "section", "fields": [
                  { "type": "mrkdwn", "text": "*Customer*\n@maya_k (slack)" },
                  { "type": "mrkdwn", "text": "*Intent*\nbilling" },
                  { "type": "mrkdwn", "text": "*Severity*\nhigh" },
                  { "type": "mrkdwn", "text": "*Confidence*\n0.82" }
                ] },
                { "type": "section", "text": { "type": "mrkdwn", "text": "*Customer wrote:* I was charged twice for order &lt;#1234&gt; &amp; want a refund" } },
                { "type": "section", "block_id": "sb_draft", "text": { "type": "plain_text", "text": "Hi Maya, sorry about the double charge. I've refunded the duplicate payment; it shows in 3-5 days.", "emoji": true } },
                { "type": "context", "elements": [ { "type": "mrkdwn", "text": "Routed to Billing by rule <https://example.org/rules/billing-refunds|billing-refunds>" } ] },
                { "type": "actions", "elements": [
                  { "type": "button", "text": { "type": "plain_text", "text": "Approve", "emoji": true }, "action_id": "sb.approve.tApprove0123456789abcdefABCDEF_-", "value": "tApprove0123456789abcdefABCDEF_-", "style": "primary" },
                  { "type": "button", "text": { "type": "plain_text", "text": "Edit", "emoji": true }, "action_id": "sb.edit.tEdit", "value": "tEdit" },
                  { "type": "button", "text": { "type": "plain_text", "text": "Escalate", "emoji": true }, "action_id": "sb.escalate.tEscalate", "value": "tEscalate", "style": "danger" },
                  { "type": "static_select", "action_id": "sb.retag.tRetag", "placeholder": { "type": "plain_text", "text": "Retag", "emoji": true }, "options": [
                    { "text": { "type": "plain_text", "text": "Billing", "emoji": true }, "value": "billing" },
                    { "text": { "type": "plain_text", "text": "Outage", "emoji": true }, "value": "outage" },
                    { "text": { "type": "plain_text", "text": "Trust & safety", "emoji": true }, "value": "trust_safety" }
                  ] }
                ] }
              ]
            }
            """, rendered);
    }

    [Fact]
    public void Render_ExecuteActions_CarryTheTokenAsValue()
    {
        var buttons = Elements(new SlackCardRenderer().Render(Card(ReviewCard)))
            .Where(e => (string?)e["type"] == "button")
            .ToList();

        Assert.Equal(["tApprove0123456789abcdefABCDEF_-", "tEdit", "tEscalate"], buttons.Select(b => (string?)b["value"]));
    }

    [Fact]
    public void Render_ManyFactsAndTexts_StaysWithinFiftyBlocksAndKeepsActions()
    {
        var body = new JsonArray();
        for (var i = 0; i < 120; i++)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"line {i}" });
        }

        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray([.. Enumerable.Range(0, 35).Select(i => (JsonNode)new JsonObject { ["title"] = $"f{i}", ["value"] = "v" })]) });
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = body, ["actions"] = Actions(30) };

        var blocks = (JsonArray)new SlackCardRenderer().Render(new CardPayload("review", card, "x"))["blocks"]!;

        Assert.Equal(SlackCardRenderer.MaxBlocks, blocks.Count);
        var actionBlocks = blocks.Where(b => (string?)b!["type"] == "actions").ToList();
        Assert.Equal(2, actionBlocks.Count);
        Assert.All(actionBlocks, b => Assert.True(((JsonArray)b!["elements"]!).Count <= SlackCardRenderer.MaxActionsPerBlock));
        Assert.Equal(30, actionBlocks.Sum(b => ((JsonArray)b!["elements"]!).Count));
        Assert.Contains("shortened", (string?)blocks[^3]!["elements"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ElevenFacts_SplitIntoSectionsOfTenFields()
    {
        var facts = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["title"] = $"f{i}", ["value"] = "v" })]);
        var card = new JsonObject { ["body"] = new JsonArray(new JsonObject { ["type"] = "FactSet", ["facts"] = facts }) };

        var blocks = (JsonArray)new SlackCardRenderer().Render(new CardPayload("kpi", card, "x"))["blocks"]!;

        Assert.Equal([10, 1], blocks.Select(b => ((JsonArray)b!["fields"]!).Count));
    }

    [Fact]
    public void Render_LongTexts_TruncatedToBlockKitLimits()
    {
        var card = new JsonObject
        {
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["style"] = "heading", ["text"] = new string('h', 400) },
                new JsonObject { ["type"] = "TextBlock", ["text"] = new string('a', 5000) },
                new JsonObject { ["type"] = "TextBlock", ["id"] = "draft", ["text"] = new string('d', 5000) }),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = new string('t', 200),
                ["verb"] = new string('v', 400),
                ["data"] = new JsonObject { ["token"] = "tok" },
            }),
        };

        var rendered = new SlackCardRenderer().Render(new CardPayload("review", card, new string('f', 9000)));
        var blocks = (JsonArray)rendered["blocks"]!;

        Assert.Equal(SlackCardRenderer.MaxHeaderText, ((string)blocks[0]!["text"]!["text"]!).Length);
        Assert.Equal(SlackCardRenderer.MaxSectionText, ((string)blocks[1]!["text"]!["text"]!).Length);
        Assert.Equal(SlackCardRenderer.MaxSectionText, ((string)blocks[2]!["text"]!["text"]!).Length);
        var button = blocks[3]!["elements"]![0]!;
        Assert.Equal(SlackCardRenderer.MaxButtonText, ((string)button["text"]!["text"]!).Length);
        Assert.True(((string)button["action_id"]!).Length <= SlackCardRenderer.MaxActionId);
        Assert.Equal("tok", (string?)button["value"]);
        Assert.Equal(SlackCardRenderer.MaxFallbackText, ((string)rendered["text"]!).Length);
    }

    [Fact]
    public void Render_ActionWithoutToken_IsNotRendered()
    {
        var card = new JsonObject
        {
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Approve", ["verb"] = "approve", ["data"] = new JsonObject() }),
        };

        Assert.Empty((JsonArray)new SlackCardRenderer().Render(new CardPayload("review", card, "x"))["blocks"]!);
    }

    [Fact]
    public void Render_ShowCardWithDraftInput_FlattensToButtonAndDraftSection()
    {
        var card = JsonNode.Parse("""
            { "actions": [ { "type": "Action.ShowCard", "title": "Edit", "card": {
                "body": [ { "type": "Input.Text", "id": "draft", "isMultiline": true, "value": "Draft text" } ],
                "actions": [ { "type": "Action.Execute", "title": "Send edited", "verb": "edit", "data": { "token": "tE" } } ] } } ] }
            """)!.AsObject();

        var blocks = (JsonArray)new SlackCardRenderer().Render(new CardPayload("review", card, "x"))["blocks"]!;

        Assert.Equal(SlackCardRenderer.DraftBlockId, (string?)blocks[0]!["block_id"]);
        Assert.Equal("Draft text", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal("sb.edit.tE", (string?)blocks[1]!["elements"]![0]!["action_id"]);
    }

    [Fact]
    public void Render_TableAndImageSet_MatchGolden()
    {
        var card = JsonNode.Parse("""
            { "body": [
              { "type": "Table", "columns": [ { "width": 1 }, { "width": 1 } ], "rows": [
                { "type": "TableRow", "cells": [ { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "Metric" } ] }, { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "Value" } ] } ] },
                { "type": "TableRow", "cells": [ { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "First response <p50>" } ] }, { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "**4 min**" } ] } ] }
              ] },
              { "type": "ImageSet", "images": [ { "type": "Image", "url": "https://example.org/chart.png", "altText": "SLA chart" }, { "type": "Image", "url": "http://insecure.example/x.png" } ] }
            ] }
            """)!.AsObject();

        var rendered = new SlackCardRenderer().Render(new CardPayload("kpi", card, "KPIs"));

        AssertJson("""
            { "text": "KPIs", "blocks": [
              { "type": "section", "text": { "type": "mrkdwn", "text": "*Metric | Value*\nFirst response &lt;p50&gt; | 4 min" } },
              { "type": "image", "image_url": "https://example.org/chart.png", "alt_text": "SLA chart" }
            ] }
            """, rendered);
    }

    [Theory]
    [InlineData("approve", "tok123")]
    [InlineData("Re Tag!", "a.b")]
    public void TryParseActionId_BuiltId_RoundTrips(string verb, string token)
    {
        Assert.True(SlackCardRenderer.TryParseActionId(SlackCardRenderer.ActionId(verb, token), out var parsedVerb, out var parsedToken));
        Assert.Equal(token, parsedToken);
        Assert.Equal(new string([.. verb.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]), parsedVerb);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("other_app_button")]
    [InlineData("sb.")]
    public void TryParseActionId_ForeignId_False(string? actionId)
    {
        Assert.False(SlackCardRenderer.TryParseActionId(actionId, out _, out _));
    }

    private static CardPayload Card(string json, string fallback = "fallback") => new("review", JsonNode.Parse(json)!.AsObject(), fallback);

    private static JsonArray Actions(int count) => new([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
    {
        ["type"] = "Action.Execute",
        ["title"] = $"A{i}",
        ["verb"] = "approve",
        ["data"] = new JsonObject { ["token"] = $"t{i}" },
    })]);

    private static IEnumerable<JsonNode> Elements(JsonObject rendered) =>
        ((JsonArray)rendered["blocks"]!).Where(b => (string?)b!["type"] == "actions").SelectMany(b => ((JsonArray)b!["elements"]!)!)!;

    private static void AssertJson(string expected, JsonNode actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), "Expected:\n" + expectedNode + "\nActual:\n" + actual);
    }
}
