using System.Text.RegularExpressions;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>Host settings that point the Discord connector at a fake and send every team's review cards to one Discord mod channel.</summary>
internal static partial class DiscordHostSettings
{
    public static Dictionary<string, string?> For(FakeDiscordServer fake, string folder, string modChannel, string? customerChannel = null)
    {
        // Teams and their review channels live in config/teams.yaml: a copy with every channel moved to Discord.
        var teams = ReviewChannel().Replace(File.ReadAllText(RepoPaths.InRepo("config", "teams.yaml")), $"{{ connector: discord, channelId: \"{modChannel}\" }}");
        var teamsPath = Path.Combine(folder, "teams.yaml");
        File.WriteAllText(teamsPath, teams);
        var settings = new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Discord:Enabled"] = "true",
            ["Switchboard:Connectors:Discord:BotToken"] = FakeDiscordServer.Token,
            ["Switchboard:Connectors:Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Switchboard:Connectors:Discord:GatewayUrl"] = fake.GatewayUrl,
            ["Switchboard:Connectors:Discord:TeamChannels:0"] = modChannel,
            ["Switchboard:Routing:TeamsPath"] = teamsPath,
        };
        if (customerChannel is not null)
        {
            settings["Switchboard:Connectors:Discord:CustomerChannels:0"] = customerChannel;
        }

        return settings;
    }

    [GeneratedRegex(@"\{ connector: playground, channelId: [^}]+\}")]
    private static partial Regex ReviewChannel();
}
