using System.Text.Json.Nodes;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>One Web API call the fake Slack received, and what it answered.</summary>
internal sealed record FakeSlackCall(string Method, string? Authorization, JsonObject Body, int Status, DateTimeOffset At, JsonObject Response)
{
    public bool Ok => Response["ok"]?.GetValue<bool>() == true;
}
