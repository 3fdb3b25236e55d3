using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering.Discord;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Cards.Rendering.Discord;

public sealed class DiscordCardRendererTests
{
    [Fact]
    public void Render_ReviewCard_IsEmbedWithButtonsSelectAndEditModal()
    {
        var rendered = new DiscordCardRenderer().Render(CardTestData.Review());

        Assert.Equal(
            """
            {
              "message": {
                "embeds": [
                  {
                    "title": "Case #42 · billing",
                    "description": "-# @ana on telegram · public · awaiting_approval\n**Customer message**\nI was charged twice for my order #88213 and nobody answers my emails. Please refund the second charge.\n**Why**\n-# - model triage-v3: 'refund', 'charged twice'\n-# - rule pii.email\n**Draft reply**\nHi Ana, sorry about the double charge. I've asked our billing team to refund the second payment; you'll see it within 3-5 business days. I'll follow up here once it's on its way.",
                    "color": 16230400,
                    "fields": [
                      {
                        "name": "Intent",
                        "value": "billing (87% confidence)",
                        "inline": true
                      },
                      {
                        "name": "Severity",
                        "value": "high",
                        "inline": true
                      },
                      {
                        "name": "Owner",
                        "value": "finance",
                        "inline": true
                      },
                      {
                        "name": "SLA",
                        "value": "first response due in 45 min",
                        "inline": true
                      },
                      {
                        "name": "Language",
                        "value": "en",
                        "inline": true
                      },
                      {
                        "name": "Review",
                        "value": "needs a person",
                        "inline": true
                      }
                    ]
                  }
                ],
                "components": [
                  {
                    "type": 1,
                    "components": [
                      {
                        "type": 2,
                        "style": 3,
                        "label": "Approve",
                        "custom_id": "sb:approve:tokA"
                      },
                      {
                        "type": 2,
                        "style": 2,
                        "label": "Edit",
                        "custom_id": "sbm:edit:tokE"
                      },
                      {
                        "type": 2,
                        "style": 4,
                        "label": "Escalate",
                        "custom_id": "sb:escalate:tokX"
                      }
                    ]
                  },
                  {
                    "type": 1,
                    "components": [
                      {
                        "type": 3,
                        "custom_id": "sb:retag:tokR",
                        "placeholder": "Retag: Correct intent",
                        "min_values": 1,
                        "max_values": 1,
                        "options": [
                          {
                            "label": "Billing",
                            "value": "billing",
                            "default": true
                          },
                          {
                            "label": "Order status",
                            "value": "order_status"
                          },
                          {
                            "label": "Product issue",
                            "value": "product_issue"
                          },
                          {
                            "label": "Outage",
                            "value": "outage"
                          },
                          {
                            "label": "Trust & safety",
                            "value": "trust_safety"
                          },
                          {
                            "label": "Account",
                            "value": "account"
                          },
                          {
                            "label": "Pre-sales",
                            "value": "pre_sales"
                          },
                          {
                            "label": "Promo campaign",
                            "value": "promo_campaign"
                          },
                          {
                            "label": "Reputation risk",
                            "value": "reputation_risk"
                          },
                          {
                            "label": "Feedback",
                            "value": "feedback"
                          },
                          {
                            "label": "Noise",
                            "value": "noise"
                          }
                        ]
                      }
                    ]
                  }
                ],
                "allowed_mentions": {
                  "parse": []
                }
              },
              "modals": {
                "sbm:edit:tokE": {
                  "custom_id": "sb:edit:tokE",
                  "title": "Edit",
                  "components": [
                    {
                      "type": 18,
                      "label": "Reply to send",
                      "component": {
                        "type": 4,
                        "custom_id": "editedText",
                        "style": 2,
                        "max_length": 4000,
                        "required": true,
                        "value": "Hi Ana, sorry about the double charge. I've asked our billing team to refund the second payment; you'll see it within 3-5 business days. I'll follow up here once it's on its way."
                      }
                    }
                  ]
                }
              }
            }
            """,
            CardTestData.ToPrettyJson(rendered));
    }

    [Fact]
    public void Render_DiscordTrustSafetyCard_TimeoutAndWarningButtonsNoBan()
    {
        var rendered = new DiscordCardRenderer().Render(CardTestData.Review("timeout"));

        var rows = rendered["message"]!["components"]!.AsArray();
        var labels = rows.SelectMany(r => r!["components"]!.AsArray()).Select(c => (string?)c!["label"]).OfType<string>().ToList();
        Assert.InRange(rows.Count, 1, DiscordCardRenderer.MaxRows);
        Assert.Contains("Delete message", labels);
        Assert.Contains("Time out author", labels);
        Assert.Contains("Pin warning", labels);
        Assert.DoesNotContain("Ban author", labels);
        Assert.Contains(labels, l => l == "Approve");
    }

    [Fact]
    public void Render_OutcomeCard_RemovesEveryComponent()
    {
        var rendered = new DiscordCardRenderer().Render(CardTestData.Review("outcome"));

        Assert.Empty(rendered["message"]!["components"]!.AsArray());
        Assert.Empty(rendered["modals"]!.AsObject());
        Assert.EndsWith("**Approved by @dana at 14:02**", (string?)rendered["message"]!["embeds"]![0]!["description"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongestTokens_KeepCustomIdsWithin100Characters()
    {
        // review.voice carries 32-character tokens, the longest the token contract allows.
        var rendered = new DiscordCardRenderer().Render(CardTestData.Review("voice"));

        var ids = CustomIds(rendered).ToList();
        Assert.Equal(5, ids.Count);
        Assert.All(ids, id => Assert.InRange(id.Length, 1, DiscordCardRenderer.MaxCustomId));
        Assert.Contains("sb:approve:Zx8-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4", ids);
    }

    [Fact]
    public void CustomId_TooLong_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DiscordCardRenderer.CustomId("sb:", "approve", new string('t', 95)));

        Assert.Contains("limit is 100", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sb:approve:tokA", true, "approve", "tokA", false)]
    [InlineData("sbm:edit:tokE", true, "edit", "tokE", true)]
    [InlineData("sb:retag:a:b", true, "retag", "a:b", false)]
    [InlineData("sb:approve:", false, "", "", false)]
    [InlineData("other:approve:tokA", false, "", "", false)]
    [InlineData("sb::tok", false, "", "", false)]
    public void TryParseCustomId_Input_SplitsVerbAndToken(string customId, bool ok, string verb, string token, bool modal)
    {
        Assert.Equal(ok, DiscordCardRenderer.TryParseCustomId(customId, out var parsedVerb, out var parsedToken, out var opensModal));
        Assert.Equal((verb, token), (parsedVerb, parsedToken));
        Assert.Equal(modal, opensModal);
    }

    [Fact]
    public void Render_HugeTexts_StaysWithinEmbedLimits()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["style"] = "heading", ["text"] = new string('T', 400) },
                new JsonObject { ["type"] = "TextBlock", ["text"] = new string('d', 9000) },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray(Enumerable.Range(0, 30)
                        .Select(i => (JsonNode)new JsonObject { ["title"] = "fact " + i, ["value"] = new string('v', 2000) })
                        .ToArray()),
                }),
        };

        var embed = new DiscordCardRenderer().Render(new CardPayload("review", card, "fallback"))["message"]!["embeds"]![0]!;

        var title = (string)embed["title"]!;
        var fields = embed["fields"]!.AsArray();
        Assert.Equal(DiscordCardRenderer.MaxTitle, title.Length);
        Assert.Equal(DiscordCardRenderer.MaxFields, fields.Count);
        Assert.All(fields, f => Assert.True(((string)f!["value"]!).Length <= DiscordCardRenderer.MaxFieldValue));
        var total = title.Length + (((string?)embed["description"])?.Length ?? 0);
        total += fields.Sum(f => ((string)f!["name"]!).Length + ((string)f["value"]!).Length);
        Assert.InRange(total, 5000, DiscordCardRenderer.MaxEmbedTotal);
        Assert.True(((string?)embed["description"])?.Length >= 500, "The description was squeezed out.");
    }

    [Fact]
    public void Render_AnyCard_SwitchesMentionsOff()
    {
        var rendered = new DiscordCardRenderer().Render(CardTestData.Review("nodraft"));

        Assert.Empty(rendered["message"]!["allowed_mentions"]!["parse"]!.AsArray());
    }

    private static IEnumerable<string> CustomIds(JsonObject rendered)
    {
        foreach (var row in rendered["message"]!["components"]!.AsArray())
        {
            foreach (var component in row!["components"]!.AsArray())
            {
                if (component!["custom_id"] is { } id)
                {
                    yield return (string)id!;
                }
            }
        }

        foreach (var (_, modal) in rendered["modals"]!.AsObject())
        {
            yield return (string)modal!["custom_id"]!;
        }
    }
}
