using Switchboard.Connectors.Discord;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordChatModeratorTests
{
    private static ModerationRequest Request(string action, string? threadId = null) =>
        new(action, "discord", "500", threadId, "77", "666", "Mods never DM you first.", TimeSpan.FromSeconds(90), "Switchboard case #3, moderator @dana");

    [Fact]
    public void ToDiscord_Ban_BanAuthorWithTheConfiguredHistoryDeletionAndReason()
    {
        var discord = DiscordChatModerator.ToDiscord(Request(ModerationActions.BanAuthor), banDeleteMessageSeconds: 3600);

        Assert.NotNull(discord);
        Assert.Equal(DiscordModerationAction.BanAuthor, discord.Action);
        Assert.Null(discord.GuildId);
        Assert.Equal("500", discord.ChannelId);
        Assert.Equal("666", discord.UserId);
        Assert.Equal(3600, discord.DeleteMessageSeconds);
        Assert.Equal("Switchboard case #3, moderator @dana", discord.Reason);
    }

    [Fact]
    public void ToDiscord_PinWarning_PinWarningMentioningTheAuthorInReplyToTheMessage()
    {
        var discord = DiscordChatModerator.ToDiscord(Request(ModerationActions.PinWarning), banDeleteMessageSeconds: 0);

        Assert.NotNull(discord);
        Assert.Equal(DiscordModerationAction.PinWarning, discord.Action);
        Assert.Equal("77", discord.MessageId);
        Assert.Equal("<@666> Mods never DM you first.", discord.WarningText);
        Assert.Equal(0, discord.DeleteMessageSeconds);
    }

    [Fact]
    public void ToDiscord_RestrictInAThread_TimeoutRoundedUpToMinutesInTheThreadChannel()
    {
        var discord = DiscordChatModerator.ToDiscord(Request(ModerationActions.RestrictAuthor, threadId: "501"), banDeleteMessageSeconds: 0);

        Assert.NotNull(discord);
        Assert.Equal(DiscordModerationAction.TimeoutAuthor, discord.Action);
        Assert.Equal("501", discord.ChannelId);
        Assert.Equal(2, discord.TimeoutMinutes);
    }

    [Fact]
    public void ToDiscord_Delete_DeleteMessage()
    {
        Assert.Equal(DiscordModerationAction.DeleteMessage, DiscordChatModerator.ToDiscord(Request(ModerationActions.DeleteMessage), 0)?.Action);
    }

    [Fact]
    public void ToDiscord_UnknownAction_Null()
    {
        Assert.Null(DiscordChatModerator.ToDiscord(Request("kick_author"), 0));
    }
}
