using System.Text.Json.Serialization;

namespace Switchboard.Ingest;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(IngestRequest))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
