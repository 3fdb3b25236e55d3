using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;
using Switchboard.Core.Cards.Rendering.Teams;

namespace Switchboard.UnitTests.Cards.Rendering.Teams;

public sealed class TeamsCardRendererTests
{
    [Fact]
    public void Render_ReviewCard_IsTheAdaptiveCardAttachment()
    {
        var rendered = new TeamsCardRenderer().Render(CardTestData.Review());

        Assert.Equal(
            """
            {
              "contentType": "application/vnd.microsoft.card.adaptive",
              "content": {
                "type": "AdaptiveCard",
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                "version": "1.5",
                "fallbackText": "Case #42: billing (high) from @ana on telegram",
                "refresh": {
                  "action": {
                    "type": "Action.Execute",
                    "title": "Refresh",
                    "verb": "refresh",
                    "data": {
                      "caseId": 42,
                      "version": 3
                    }
                  }
                },
                "body": [
                  {
                    "type": "Container",
                    "style": "warning",
                    "bleed": true,
                    "items": [
                      {
                        "type": "TextBlock",
                        "style": "heading",
                        "size": "Medium",
                        "weight": "Bolder",
                        "wrap": true,
                        "text": "Case #42 · billing"
                      },
                      {
                        "type": "TextBlock",
                        "isSubtle": true,
                        "spacing": "None",
                        "wrap": true,
                        "text": "@ana on telegram · public · awaiting_approval"
                      }
                    ]
                  },
                  {
                    "type": "FactSet",
                    "facts": [
                      {
                        "title": "Intent",
                        "value": "billing (87% confidence)"
                      },
                      {
                        "title": "Severity",
                        "value": "high"
                      },
                      {
                        "title": "Owner",
                        "value": "finance"
                      },
                      {
                        "title": "SLA",
                        "value": "first response due in 45 min"
                      },
                      {
                        "title": "Language",
                        "value": "en"
                      },
                      {
                        "title": "Review",
                        "value": "needs a person"
                      }
                    ]
                  },
                  {
                    "type": "Container",
                    "separator": true,
                    "items": [
                      {
                        "type": "TextBlock",
                        "weight": "Bolder",
                        "wrap": true,
                        "text": "Customer message"
                      },
                      {
                        "type": "TextBlock",
                        "wrap": true,
                        "text": "I was charged twice for my order #88213 and nobody answers my emails. Please refund the second charge."
                      }
                    ]
                  },
                  {
                    "type": "Container",
                    "items": [
                      {
                        "type": "TextBlock",
                        "weight": "Bolder",
                        "wrap": true,
                        "text": "Why"
                      },
                      {
                        "type": "TextBlock",
                        "isSubtle": true,
                        "spacing": "None",
                        "wrap": true,
                        "text": "- model triage-v3: 'refund', 'charged twice'"
                      },
                      {
                        "type": "TextBlock",
                        "isSubtle": true,
                        "spacing": "None",
                        "wrap": true,
                        "text": "- rule pii.email"
                      }
                    ]
                  },
                  {
                    "type": "Container",
                    "style": "emphasis",
                    "items": [
                      {
                        "type": "TextBlock",
                        "weight": "Bolder",
                        "wrap": true,
                        "text": "Draft reply"
                      },
                      {
                        "type": "TextBlock",
                        "wrap": true,
                        "text": "Hi Ana, sorry about the double charge. I've asked our billing team to refund the second payment; you'll see it within 3-5 business days. I'll follow up here once it's on its way."
                      }
                    ]
                  }
                ],
                "actions": [
                  {
                    "type": "Action.Execute",
                    "title": "Approve",
                    "verb": "approve",
                    "style": "positive",
                    "data": {
                      "token": "tokA"
                    },
                    "fallback": {
                      "type": "Action.Submit",
                      "title": "Approve",
                      "data": {
                        "verb": "approve",
                        "token": "tokA"
                      }
                    }
                  },
                  {
                    "type": "Action.ShowCard",
                    "title": "Edit",
                    "card": {
                      "type": "AdaptiveCard",
                      "body": [
                        {
                          "type": "Input.Text",
                          "id": "editedText",
                          "label": "Reply to send",
                          "isMultiline": true,
                          "isRequired": true,
                          "errorMessage": "Write the reply to send.",
                          "maxLength": 4000,
                          "value": "Hi Ana, sorry about the double charge. I've asked our billing team to refund the second payment; you'll see it within 3-5 business days. I'll follow up here once it's on its way."
                        }
                      ],
                      "actions": [
                        {
                          "type": "Action.Execute",
                          "title": "Send edited reply",
                          "verb": "edit",
                          "style": "positive",
                          "data": {
                            "token": "tokE"
                          },
                          "fallback": {
                            "type": "Action.Submit",
                            "title": "Send edited reply",
                            "data": {
                              "verb": "edit",
                              "token": "tokE"
                            }
                          }
                        }
                      ]
                    }
                  },
                  {
                    "type": "Action.Execute",
                    "title": "Escalate",
                    "verb": "escalate",
                    "style": "destructive",
                    "data": {
                      "token": "tokX"
                    },
                    "fallback": {
                      "type": "Action.Submit",
                      "title": "Escalate",
                      "data": {
                        "verb": "escalate",
                        "token": "tokX"
                      }
                    }
                  },
                  {
                    "type": "Action.ShowCard",
                    "title": "Retag",
                    "card": {
                      "type": "AdaptiveCard",
                      "body": [
                        {
                          "type": "Input.ChoiceSet",
                          "id": "newIntent",
                          "label": "Correct intent",
                          "style": "compact",
                          "isRequired": true,
                          "errorMessage": "Pick an intent.",
                          "value": "billing",
                          "choices": [
                            {
                              "title": "Billing",
                              "value": "billing"
                            },
                            {
                              "title": "Order status",
                              "value": "order_status"
                            },
                            {
                              "title": "Product issue",
                              "value": "product_issue"
                            },
                            {
                              "title": "Outage",
                              "value": "outage"
                            },
                            {
                              "title": "Trust & safety",
                              "value": "trust_safety"
                            },
                            {
                              "title": "Account",
                              "value": "account"
                            },
                            {
                              "title": "Pre-sales",
                              "value": "pre_sales"
                            },
                            {
                              "title": "Promo campaign",
                              "value": "promo_campaign"
                            },
                            {
                              "title": "Reputation risk",
                              "value": "reputation_risk"
                            },
                            {
                              "title": "Feedback",
                              "value": "feedback"
                            },
                            {
                              "title": "Noise",
                              "value": "noise"
                            }
                          ]
                        }
                      ],
                      "actions": [
                        {
                          "type": "Action.Execute",
                          "title": "Retag",
                          "verb": "retag",
                          "data": {
                            "token": "tokR"
                          },
                          "fallback": {
                            "type": "Action.Submit",
                            "title": "Retag",
                            "data": {
                              "verb": "retag",
                              "token": "tokR"
                            }
                          }
                        }
                      ]
                    }
                  }
                ]
              }
            }
            """,
            CardTestData.ToPrettyJson(rendered));
    }

    [Fact]
    public void Render_ReviewCard_HasWhatTeamsNeedsToRefreshInPlace()
    {
        var content = new TeamsCardRenderer().Render(CardTestData.Review())["content"]!;

        Assert.Equal("1.5", (string?)content["version"]);
        Assert.Equal("Action.Execute", (string?)content["refresh"]!["action"]!["type"]);
        Assert.All(content["actions"]!.AsArray(), action =>
        {
            var execute = action!["type"]!.GetValue<string>() == "Action.ShowCard" ? action["card"]!["actions"]![0]! : action;
            Assert.Equal("Action.Execute", (string?)execute["type"]);
            Assert.Equal("Action.Submit", (string?)execute["fallback"]!["type"]);
            Assert.Equal((string?)execute["data"]!["token"], (string?)execute["fallback"]!["data"]!["token"]);
        });
    }

    [Fact]
    public void Render_OutcomeCard_HasNoActionsAndNoRefresh()
    {
        // A closed card is final: it is updated for everyone by replacing the activity, so it stops refreshing.
        var content = new TeamsCardRenderer().Render(CardTestData.Review("outcome"))["content"]!;

        Assert.Empty(content["actions"]!.AsArray());
        Assert.Null(content["refresh"]);
        Assert.Contains("Approved by @dana at 14:02", content.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Card_IsACopy()
    {
        var payload = CardTestData.Review();

        var rendered = new TeamsCardRenderer().Render(payload);
        rendered["content"]!["version"] = "9.9";

        Assert.Equal("1.5", (string?)payload.Card["version"]);
    }

    [Fact]
    public void Render_ExecuteWithoutFallback_GetsSubmitFallbackWithVerbAndToken()
    {
        var payload = new CardPayload("review", JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"Refund?"}],
             "actions":[{"type":"Action.Execute","title":"Approve","verb":"approve","data":{"token":"t1"}}]}
            """)!.AsObject(), "Review: refund");

        var content = new TeamsCardRenderer().Render(payload)["content"]!;

        var fallback = content["actions"]![0]!["fallback"]!;
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{"type":"Action.Submit","title":"Approve","data":{"token":"t1","verb":"approve"}}"""), fallback),
            fallback.ToJsonString());
        Assert.Equal("1.5", (string?)content["version"]);
        Assert.Null(payload.Card["actions"]![0]!["fallback"]);
    }
}
