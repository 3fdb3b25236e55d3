namespace Switchboard.Connectors.Discord;

/// <summary>Gateway intent bits the connector uses (discord.com/developers/docs/events/gateway#gateway-intents).</summary>
internal static class DiscordIntents
{
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;
    public const int MessageContent = 1 << 15;
    public const int Default = GuildMessages | DirectMessages | MessageContent;
}
