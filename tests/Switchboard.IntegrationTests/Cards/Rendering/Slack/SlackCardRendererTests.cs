using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering.Slack;
using Switchboard.Core.Connectors;
using Switchboard.IntegrationTests.Connectors.Slack;

namespace Switchboard.IntegrationTests.Cards.Rendering.Slack;

/// <summary>Every element kind the renderer emits, checked against @slack/types with tsc.</summary>
public sealed class SlackCardRendererTests
{
    [Fact]
    public async Task Render_EveryElementKind_TypeChecksAgainstSlackTypes()
    {
        var card = JsonNode.Parse("""
            {
              "type": "AdaptiveCard", "version": "1.5",
              "body": [
                { "type": "TextBlock", "text": "Incident · checkout errors", "style": "heading" },
                { "type": "TextBlock", "text": "Reported by **42** customers, see [status](https://status.example.org)", "wrap": true },
                { "type": "TextBlock", "text": "updated 2 min ago", "isSubtle": true },
                { "type": "RichTextBlock", "inlines": [ { "type": "TextRun", "text": "Rich " }, "text" ] },
                { "type": "ColumnSet", "columns": [ { "type": "Column", "items": [ { "type": "FactSet", "facts": [
                  { "title": "a", "value": "1" }, { "title": "b", "value": "2" }, { "title": "c", "value": "3" }, { "title": "d", "value": "4" },
                  { "title": "e", "value": "5" }, { "title": "f", "value": "6" }, { "title": "g", "value": "7" }, { "title": "h", "value": "8" },
                  { "title": "i", "value": "9" }, { "title": "j", "value": "10" }, { "title": "k", "value": "11" } ] } ] } ] },
                { "type": "Table", "rows": [ { "type": "TableRow", "cells": [ { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "x" } ] } ] } ] },
                { "type": "Image", "url": "https://example.org/a.png", "altText": "a" },
                { "type": "ImageSet", "images": [ { "type": "Image", "url": "https://example.org/b.png" } ] },
                { "type": "Input.ChoiceSet", "id": "intent", "choices": [ { "title": "Billing", "value": "billing" }, { "title": "Outage", "value": "outage" } ] }
              ],
              "actions": [
                { "type": "Action.Execute", "title": "Approve", "verb": "approve", "style": "positive", "data": { "token": "t1" } },
                { "type": "Action.Execute", "title": "Escalate", "verb": "escalate", "style": "destructive", "data": { "token": "t2" } },
                { "type": "Action.Execute", "title": "Retag", "verb": "retag", "data": { "token": "t3" } },
                { "type": "Action.OpenUrl", "title": "Open case", "id": "open", "url": "https://switchboard.example.org/cases/42" },
                { "type": "Action.ShowCard", "title": "Edit", "card": { "body": [ { "type": "Input.Text", "id": "draft", "value": "Draft" } ],
                  "actions": [ { "type": "Action.Execute", "title": "Send", "verb": "edit", "data": { "token": "t4" } } ] } }
              ]
            }
            """)!.AsObject();
        var manyActions = new JsonArray([.. Enumerable.Range(0, 30).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = $"Step {i}",
            ["verb"] = "checklist",
            ["data"] = new JsonObject { ["token"] = $"c{i}" },
        })]);
        var checklist = new JsonObject { ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Checklist" }), ["actions"] = manyActions };
        var renderer = new SlackCardRenderer();
        var calls = new[] { renderer.Render(new CardPayload("incident", card, "Incident")), renderer.Render(new CardPayload("checklist", checklist, "Checklist")) }
            .Select(rendered =>
            {
                rendered["channel"] = "C1";
                return new FakeSlackCall("chat.postMessage", null, rendered, 200, default, []);
            })
            .ToList();

        var (exitCode, output) = await BlockKitTypeCheck.RunAsync(calls, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output + "\n" + BlockKitTypeCheck.Source(calls));
        var kinds = calls.SelectMany(c => c.Body["blocks"]!.AsArray()).Select(b => (string?)b!["type"]).Distinct().Order().ToList();
        Assert.Equal(["actions", "context", "header", "image", "section"], kinds);
        var link = calls[0].Body["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray())
            .Single(e => e!["url"] is not null)!;
        Assert.False(SlackCardRenderer.TryParseActionId((string?)link["action_id"], out _, out _));
    }
}
