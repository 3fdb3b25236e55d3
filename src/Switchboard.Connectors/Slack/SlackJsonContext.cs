using System.Text.Json.Serialization;

namespace Switchboard.Connectors.Slack;

[JsonSerializable(typeof(SlackEditMetadata))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
