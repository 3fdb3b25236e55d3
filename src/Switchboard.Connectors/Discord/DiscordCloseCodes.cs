using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Discord;

/// <summary>What a Gateway close code means for the next connection (discord.com/developers/docs/topics/opcodes-and-status-codes).</summary>
internal static class DiscordCloseCodes
{
    public static DiscordCloseAction Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => DiscordCloseAction.Stop,
        // Bad sequence on resume, or the session timed out: the session is gone, identify again.
        4007 or 4009 => DiscordCloseAction.Identify,
        // 1000/1001 from the server end the session as well.
        1000 or 1001 => DiscordCloseAction.Identify,
        _ => DiscordCloseAction.Resume,
    };

    /// <summary>The non-retryable error for a fatal close, worded for the operator who has to fix it.</summary>
    public static ConnectorException Fatal(int code) => code switch
    {
        4004 => new(ConnectorFailure.Auth, "Discord gateway closed with 4004 (authentication failed): the bot token is wrong or was reset. Set Switchboard:Connectors:Discord:BotToken to the current token."),
        4010 => new(ConnectorFailure.Invalid, "Discord gateway closed with 4010 (invalid shard)."),
        4011 => new(ConnectorFailure.Invalid, "Discord gateway closed with 4011 (sharding required): the bot is in too many guilds for one connection."),
        4012 => new(ConnectorFailure.Invalid, "Discord gateway closed with 4012 (invalid API version)."),
        4013 => new(ConnectorFailure.Invalid, "Discord gateway closed with 4013 (invalid intents): check Switchboard:Connectors:Discord:Intents."),
        4014 => new(ConnectorFailure.Auth, "Discord gateway closed with 4014 (disallowed intents): enable the privileged MESSAGE CONTENT intent for the bot in the Developer Portal (Bot → Privileged Gateway Intents), or remove it from Intents."),
        _ => new(ConnectorFailure.Invalid, $"Discord gateway closed with {code}."),
    };
}

internal enum DiscordCloseAction
{
    Resume,
    Identify,
    Stop,
}
