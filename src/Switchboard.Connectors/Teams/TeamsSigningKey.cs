using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Connectors.Teams;

/// <summary>A channel-service signing key and the channel ids it is endorsed for ("msteams", "emulator", …).</summary>
internal sealed record TeamsSigningKey(JsonWebKey Key, IReadOnlySet<string> Endorsements);
