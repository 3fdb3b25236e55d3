using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordModerationServiceTests
{
    private const string Owner = "1000";
    private const string Bot = "42";

    [Fact]
    public void MemberActionRefusal_BanWithBanMembers_Allowed()
    {
        Assert.Null(DiscordModerationService.MemberActionRefusal(DiscordModerationAction.BanAuthor, "666", Owner, Bot, DiscordPermissions.BanMembers));
    }

    [Fact]
    public void MemberActionRefusal_BanWithoutBanMembers_NamesThePermission()
    {
        var refusal = DiscordModerationService.MemberActionRefusal(
            DiscordModerationAction.BanAuthor, "666", Owner, Bot, DiscordPermissions.ModerateMembers | DiscordPermissions.ManageMessages);

        Assert.NotNull(refusal);
        Assert.Contains("BAN_MEMBERS (Ban Members)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void MemberActionRefusal_BanTheOwner_RefusedEvenWithAdministrator()
    {
        var refusal = DiscordModerationService.MemberActionRefusal(DiscordModerationAction.BanAuthor, Owner, Owner, Bot, DiscordPermissions.All);

        Assert.NotNull(refusal);
        Assert.Contains("server owner cannot be banned", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void MemberActionRefusal_BanTheBotItself_Refused()
    {
        Assert.NotNull(DiscordModerationService.MemberActionRefusal(DiscordModerationAction.BanAuthor, Bot, Owner, Bot, DiscordPermissions.All));
    }

    [Fact]
    public void MemberActionRefusal_TimeoutNeedsModerateMembersNotBanMembers()
    {
        Assert.Null(DiscordModerationService.MemberActionRefusal(DiscordModerationAction.TimeoutAuthor, "666", Owner, Bot, DiscordPermissions.ModerateMembers));
        Assert.Contains(
            "MODERATE_MEMBERS",
            DiscordModerationService.MemberActionRefusal(DiscordModerationAction.TimeoutAuthor, "666", Owner, Bot, DiscordPermissions.BanMembers),
            StringComparison.Ordinal);
        Assert.Contains(
            "server owner",
            DiscordModerationService.MemberActionRefusal(DiscordModerationAction.TimeoutAuthor, Owner, Owner, Bot, DiscordPermissions.All),
            StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelActionRefusal_PinWarningWithoutPinMessages_AllowedBecauseThePinIsOptional()
    {
        Assert.Null(DiscordModerationService.ChannelActionRefusal(DiscordModerationAction.PinWarning, DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages));
    }

    [Fact]
    public void ChannelActionRefusal_PinWarningWithoutSendMessages_NamesIt()
    {
        Assert.Contains(
            "SEND_MESSAGES",
            DiscordModerationService.ChannelActionRefusal(DiscordModerationAction.PinWarning, DiscordPermissions.ViewChannel | DiscordPermissions.PinMessages),
            StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelActionRefusal_PinWithOnlyManageMessages_NeedsPinMessages()
    {
        // MANAGE_MESSAGES stopped granting pins on 23 February 2026.
        var refusal = DiscordModerationService.ChannelActionRefusal(DiscordModerationAction.PinMessage, DiscordPermissions.ViewChannel | DiscordPermissions.ManageMessages);

        Assert.NotNull(refusal);
        Assert.Contains("PIN_MESSAGES", refusal, StringComparison.Ordinal);
        Assert.Null(DiscordModerationService.ChannelActionRefusal(DiscordModerationAction.PinMessage, DiscordPermissions.ViewChannel | DiscordPermissions.PinMessages));
    }

    [Fact]
    public void ChannelActionRefusal_NoViewChannel_NamesViewChannelFirst()
    {
        Assert.Contains(
            "VIEW_CHANNEL",
            DiscordModerationService.ChannelActionRefusal(DiscordModerationAction.DeleteMessage, DiscordPermissions.ManageMessages),
            StringComparison.Ordinal);
    }
}
