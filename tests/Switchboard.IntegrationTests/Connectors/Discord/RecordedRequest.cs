using System.Text.Json.Nodes;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>One REST request the bot made to the fake Discord.</summary>
internal sealed record RecordedRequest(string Method, string Path, JsonNode? Body, string Authorization, string AuditReason, DateTimeOffset At);
