namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>How the fake Slack signs and labels one delivery (defaults: correct secret, current time, first attempt).</summary>
internal sealed record FakeSlackDelivery(int? RetryNum = null, TimeSpan ClockSkew = default, string? Secret = null, string? Signature = null);
