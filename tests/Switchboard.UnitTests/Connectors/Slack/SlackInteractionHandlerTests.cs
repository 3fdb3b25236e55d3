using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Connectors.Slack;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackInteractionHandlerTests
{
    private readonly StubSlackHandler _slack = new((_, _) => StubSlackHandler.Json("""{"ok":true}"""));
    private readonly RecordingSink _sink = new();

    [Fact]
    public async Task HandleAsync_ApproveClick_RunsTheActionWithTheToken()
    {
        var response = await Handler().HandleAsync(BlockActions("sb.approve.tA", "tA"), _sink, TestContext.Current.CancellationToken);

        Assert.Null(response);
        Assert.Equal(new CardActionRequest("tA", "U42", "dana", "slack"), Assert.Single(_sink.Actions));
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task HandleAsync_RefusedAction_ExplainsInAnEphemeralMessage()
    {
        _sink.NextResult = CardActionResult.Refused("You need the finance lead role to approve refunds.");

        await Handler().HandleAsync(BlockActions("sb.approve.tA", "tA"), _sink, TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(_slack.Calls);
        Assert.EndsWith("/chat.postEphemeral", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"channel":"CTEAM","user":"U42","text":"You need the finance lead role to approve refunds."}"""),
            JsonNode.Parse(body)));
    }

    [Fact]
    public async Task HandleAsync_EditClick_OpensTheModalWithTheDraftAndDoesNotRunTheAction()
    {
        await Handler().HandleAsync(BlockActions("sb.edit.tE", "tE"), _sink, TestContext.Current.CancellationToken);

        Assert.Empty(_sink.Actions);
        var (request, body) = Assert.Single(_slack.Calls);
        Assert.EndsWith("/views.open", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var sent = JsonNode.Parse(body)!;
        Assert.Equal("trig-1", (string?)sent["trigger_id"]);
        Assert.Equal(SlackEditModal.CallbackId, (string?)sent["view"]!["callback_id"]);
        Assert.Equal("""{"t":"tE","c":"CTEAM","m":"1700000000.000100"}""", (string?)sent["view"]!["private_metadata"]);
        Assert.Equal("Hi Maya, refunded.", (string?)sent["view"]!["blocks"]![0]!["element"]!["initial_value"]);
    }

    [Fact]
    public async Task OpenModalsAsync_ApproveClick_CallsNothing()
    {
        await Handler().OpenModalsAsync(BlockActions("sb.approve.tA", "tA"), TestContext.Current.CancellationToken);

        Assert.Empty(_slack.Calls);
        Assert.Empty(_sink.Actions);
    }

    [Fact]
    public async Task HandleAcknowledgedAsync_EditClick_DoesNotOpenTheModalTwice()
    {
        var payload = BlockActions("sb.edit.tE", "tE");
        await Handler().OpenModalsAsync(payload, TestContext.Current.CancellationToken);

        await Handler().HandleAcknowledgedAsync(payload, _sink, TestContext.Current.CancellationToken);

        Assert.Equal(["views.open"], _slack.Methods);
        Assert.Empty(_sink.Actions);
    }

    [Fact]
    public async Task HandleAsync_RetagSelect_CarriesTheChosenIntent()
    {
        var payload = BlockActions("sb.retag.tR", null);
        payload["actions"]![0]!["type"] = "static_select";
        payload["actions"]![0]!["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Outage" }, ["value"] = "outage" };

        await Handler().HandleAsync(payload, _sink, TestContext.Current.CancellationToken);

        var action = Assert.Single(_sink.Actions);
        Assert.Equal("tR", action.Token);
        Assert.Equal("outage", action.NewIntent);
    }

    [Theory]
    [InlineData("someone_elses_button")]
    [InlineData("link.3")]
    public async Task HandleAsync_ForeignOrLinkButton_Ignored(string actionId)
    {
        await Handler().HandleAsync(BlockActions(actionId, "x"), _sink, TestContext.Current.CancellationToken);

        Assert.Empty(_sink.Actions);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task HandleAsync_ViewSubmission_SendsTheEditedText()
    {
        var response = await Handler().HandleAsync(ViewSubmission("Edited reply text"), _sink, TestContext.Current.CancellationToken);

        Assert.Null(response);
        Assert.Equal(new CardActionRequest("tE", "U42", "dana", "slack", EditedText: "Edited reply text"), Assert.Single(_sink.Actions));
    }

    [Fact]
    public async Task HandleAsync_RefusedViewSubmission_AnswersWithErrorsOnTheInput()
    {
        _sink.NextResult = CardActionResult.Refused("This case was already answered.");

        var response = await Handler().HandleAsync(ViewSubmission("text"), _sink, TestContext.Current.CancellationToken);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"response_action":"errors","errors":{"sb_edit":"This case was already answered."}}"""),
            response));
    }

    [Fact]
    public async Task HandleAsync_ViewSubmissionWithEmptyStateArray_AsksForText()
    {
        var payload = ViewSubmission("x");
        payload["view"]!["state"]!["values"] = new JsonArray();

        var response = await Handler().HandleAsync(payload, _sink, TestContext.Current.CancellationToken);

        Assert.Equal("errors", (string?)response!["response_action"]);
        Assert.Empty(_sink.Actions);
    }

    private SlackInteractionHandler Handler() =>
        new(SlackApiClientTests.Client(_slack), NullLogger<SlackInteractionHandler>.Instance);

    private static JsonObject BlockActions(string actionId, string? value)
    {
        var action = new JsonObject { ["action_id"] = actionId, ["block_id"] = "b1", ["type"] = "button", ["action_ts"] = "1700000001.0" };
        if (value is not null)
        {
            action["value"] = value;
        }

        var payload = JsonNode.Parse("""
            {
              "type": "block_actions",
              "user": { "id": "U42", "username": "dana", "name": "dana", "team_id": "T1" },
              "api_app_id": "A1", "team": { "id": "T1", "domain": "acme" },
              "container": { "type": "message", "message_ts": "1700000000.000100", "channel_id": "CTEAM", "is_ephemeral": false },
              "trigger_id": "trig-1",
              "channel": { "id": "CTEAM", "name": "care-review" },
              "message": { "type": "message", "ts": "1700000000.000100", "text": "Review", "blocks": [
                { "type": "section", "block_id": "sb_draft", "text": { "type": "plain_text", "text": "Hi Maya, refunded.", "emoji": true } }
              ] },
              "response_url": "https://hooks.slack.test/actions/x",
              "actions": []
            }
            """)!.AsObject();
        payload["actions"]!.AsArray().Add(action);
        return payload;
    }

    private static JsonObject ViewSubmission(string text) => JsonNode.Parse($$"""
        {
          "type": "view_submission",
          "team": { "id": "T1" },
          "user": { "id": "U42", "username": "dana", "name": "dana" },
          "view": {
            "id": "V1", "type": "modal", "callback_id": "sb.edit", "hash": "h",
            "private_metadata": "{\"t\":\"tE\",\"c\":\"CTEAM\",\"m\":\"1700000000.000100\"}",
            "state": { "values": { "sb_edit": { "text": { "type": "plain_text_input", "value": "{{text}}" } } } }
          },
          "response_urls": []
        }
        """)!.AsObject();
}
