using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering.Telegram;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Cards.Rendering.Telegram;

public sealed class TelegramCardRendererTests
{
    private readonly TelegramCardRenderer _renderer = new();

    [Fact]
    public void Render_ReviewCard_MatchesGolden()
    {
        var card = Card("""
            {
              "type": "AdaptiveCard", "version": "1.5",
              "body": [
                {"type": "TextBlock", "text": "Review reply · case #42", "weight": "Bolder", "size": "Medium"},
                {"type": "FactSet", "facts": [
                  {"title": "Customer", "value": "@mia_k (telegram)"},
                  {"type": "x", "title": "Intent", "value": "delivery_delay"},
                  {"title": "Severity", "value": "high <SLA 1h>"}
                ]},
                {"type": "TextBlock", "text": "Customer: \"Where is my order #4411? It's been 2 weeks & nothing\"", "isSubtle": true, "wrap": true},
                {"type": "Container", "separator": true, "items": [
                  {"type": "TextBlock", "text": "**Draft:** Sorry Mia, your parcel left our depot today. Track it [here](https://track.example.com/4411?a=1&b=2)."}
                ]},
                {"type": "Input.Text", "id": "edited", "isMultiline": true},
                {"type": "TextBlock", "text": "hidden", "isVisible": false}
              ],
              "actions": [
                {"type": "Action.Execute", "title": "Approve", "verb": "approve", "data": {"token": "tA9x_Approve0000000000000000001"}},
                {"type": "Action.Execute", "title": "Edit", "verb": "edit", "data": {"token": "tA9x_Edit000000000000000000002"}},
                {"type": "Action.Execute", "title": "Reject", "verb": "reject", "data": {"token": "tA9x_Reject00000000000000000003"}},
                {"type": "Action.Execute", "title": "Escalate", "verb": "escalate", "data": {"token": "tA9x_Escalate000000000000000004"}},
                {"type": "Action.OpenUrl", "title": "Open case", "url": "https://switchboard.example.com/cases/42"},
                {"type": "Action.ShowCard", "title": "Retag", "card": {"type": "AdaptiveCard", "body": []}}
              ]
            }
            """);

        var rendered = _renderer.Render(card);

        var expected = JsonNode.Parse("""
            {
              "text": "<b>Review reply · case #42</b>\n<b>Customer:</b> @mia_k (telegram)\n<b>Intent:</b> delivery_delay\n<b>Severity:</b> high &lt;SLA 1h&gt;\n<i>Customer: &quot;Where is my order #4411? It's been 2 weeks &amp; nothing&quot;</i>\n\n<b>Draft:</b> Sorry Mia, your parcel left our depot today. Track it <a href=\"https://track.example.com/4411?a=1&amp;b=2\">here</a>.",
              "parse_mode": "HTML",
              "reply_markup": {"inline_keyboard": [
                [{"text": "Approve", "callback_data": "sb:tA9x_Approve0000000000000000001"},
                 {"text": "Edit", "callback_data": "sbe:tA9x_Edit000000000000000000002"},
                 {"text": "Reject", "callback_data": "sb:tA9x_Reject00000000000000000003"}],
                [{"text": "Escalate", "callback_data": "sb:tA9x_Escalate000000000000000004"},
                 {"text": "Open case", "url": "https://switchboard.example.com/cases/42"}]
              ]}
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, rendered), rendered.ToJsonString());
        Assert.Equal("telegram", _renderer.Surface);
    }

    [Fact]
    public void Render_TrustSafetyReviewCard_ModerationButtonsAfterTheReviewActions()
    {
        var rendered = _renderer.Render(CardTestData.Review("moderation"));

        var buttons = rendered["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray())
            .Select(b => ((string)b!["text"]!, (string)b["callback_data"]!)).ToList();
        Assert.Equal(
            [("Approve", "sb:tokA"), ("Edit", "sbe:tokE"), ("Escalate", "sb:tokX"), ("Retag", "sbr:tokR"),
             ("Delete message", "sb:tokD"), ("Restrict author", "sb:tokM"), ("Ban author", "sb:tokB"), ("Pin warning", "sb:tokP")],
            buttons);
    }

    [Fact]
    public void Render_BuiltInReviewActions_PrefixByVerb()
    {
        var rendered = _renderer.Render(Card("""
            {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Case #7"}], "actions": [
              {"type": "Action.Execute", "title": "Approve", "verb": "approve", "data": {"token": "AAAAAAAAAAAAAAAAAAAAAA"}},
              {"type": "Action.Execute", "title": "Edit", "verb": "edit", "data": {"token": "BBBBBBBBBBBBBBBBBBBBBB"}},
              {"type": "Action.Execute", "title": "Escalate", "verb": "escalate", "data": {"token": "CCCCCCCCCCCCCCCCCCCCCC"}},
              {"type": "Action.Execute", "title": "Retag", "verb": "retag", "data": {"token": "DDDDDDDDDDDDDDDDDDDDDD"}},
              {"type": "Action.Submit", "title": "Legacy edit", "data": {"action": "edit", "token": "EEEEEEEEEEEEEEEEEEEEEE"}}
            ]}
            """));

        var data = rendered["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => (string)b!["callback_data"]!);
        Assert.Equal(
            ["sb:AAAAAAAAAAAAAAAAAAAAAA", "sbe:BBBBBBBBBBBBBBBBBBBBBB", "sb:CCCCCCCCCCCCCCCCCCCCCC", "sbr:DDDDDDDDDDDDDDDDDDDDDD", "sbe:EEEEEEEEEEEEEEEEEEEEEE"],
            data);
    }

    [Fact]
    public void Render_DecidedCardWithoutActions_HasEmptyKeyboard()
    {
        var rendered = _renderer.Render(Card("""
            {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Approved by @dana at 14:02"}]}
            """));

        Assert.Equal("Approved by @dana at 14:02", (string)rendered["text"]!);
        Assert.Empty(rendered["reply_markup"]!["inline_keyboard"]!.AsArray());
    }

    [Fact]
    public void Render_EmptyBody_FallsBackToEscapedFallbackText()
    {
        var rendered = _renderer.Render(new CardPayload("review", new JsonObject(), "Case <42> needs review"));

        Assert.Equal("Case &lt;42&gt; needs review", (string)rendered["text"]!);
    }

    [Fact]
    public void Render_ScriptAndTagsInCardText_AreEscapedNotPassedThrough()
    {
        var rendered = _renderer.Render(Card("""
            {"type": "AdaptiveCard", "body": [
              {"type": "TextBlock", "text": "<script>alert(1)</script> <b>not bold</b> [x](javascript:alert(1))"},
              {"type": "RichTextBlock", "inlines": ["plain & ", {"type": "TextRun", "text": "<u>", "weight": "Bolder", "italic": true}]}
            ]}
            """));

        Assert.Equal(
            "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;not bold&lt;/b&gt; [x](javascript:alert(1))\nplain &amp; <b><i>&lt;u&gt;</i></b>",
            (string)rendered["text"]!);
    }

    [Fact]
    public void Render_TokenTooLongForCallbackData_Throws()
    {
        var card = Card($$$"""
            {"type": "AdaptiveCard", "body": [], "actions": [
              {"type": "Action.Execute", "title": "Approve", "data": {"token": "{{{new string('x', 62)}}}"}}]}
            """);

        Assert.Throws<ArgumentException>(() => _renderer.Render(card));
    }

    [Fact]
    public void Render_HugeCard_StaysWithinTelegramLimitAndKeepsTagsWhole()
    {
        var facts = string.Join(',', Enumerable.Range(0, 400).Select(i => $$"""{"title": "Fact {{i}}", "value": "value <{{i}}> & more text here"}"""));
        var rendered = _renderer.Render(Card($$"""{"type": "AdaptiveCard", "body": [{"type": "FactSet", "facts": [{{facts}}]}]}"""));

        var text = (string)rendered["text"]!;
        Assert.InRange(text.Length, 1000, TelegramCardRenderer.MaxTextLength);
        Assert.EndsWith("\n…", text, StringComparison.Ordinal);
        Assert.Equal(text.Split("<b>").Length, text.Split("</b>").Length);
    }

    private static CardPayload Card(string json) =>
        new("review", JsonNode.Parse(json)!.AsObject(), "Review needed");
}
