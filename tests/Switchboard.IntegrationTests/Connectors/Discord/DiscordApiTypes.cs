using System.Text;
using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>
/// Type-checks JSON the bot sent against discord-api-types (tests/js/discord, installed by eng/install/discord.sh):
/// each payload becomes a typed object literal in a generated .ts file, and `tsc --noEmit` reports any property
/// Discord's types do not have, a missing required one, or a wrong value type.
/// </summary>
internal static class DiscordApiTypes
{
    public static Task<(int ExitCode, string Output)> CheckAsync(IEnumerable<(string TypeName, JsonNode Payload)> payloads)
    {
        var source = new StringBuilder("import type * as D from 'discord-api-types/v10';\n");
        var i = 0;
        foreach (var (type, payload) in payloads)
        {
            source.Append($"export const p{i++}: D.{type} = {payload.ToJsonString()};\n");
        }

        return TypeScriptCheck.RunAsync("discord", "eng/install/discord.sh", source.ToString());
    }
}
