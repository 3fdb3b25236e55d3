namespace Switchboard.IntegrationTests.Handoff;

internal sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Body);
