using Switchboard.Core.Campaigns;
using Switchboard.Core.Governance;

namespace Switchboard.UnitTests.Campaigns;

public sealed class CampaignChatCommandsTests
{
    [Theory]
    [InlineData("/campaign@SwitchboardBot status maya-launch20", "/campaign status maya-launch20")]
    [InlineData("  /staffing@bot --messages 10", "/staffing --messages 10")]
    [InlineData("/campaign list", "/campaign list")]
    [InlineData("/campaign@bot", "/campaign")]
    [InlineData("hello @bot", "hello @bot")]
    public void Normalize_BotNameSuffix_Dropped(string text, string expected) =>
        Assert.Equal(expected, CampaignChatCommands.Normalize(text));

    [Theory]
    [InlineData("/campaign start maya-launch20", Permissions.Campaign)]
    [InlineData("/campaign@bot START maya-launch20", Permissions.Campaign)]
    [InlineData("/campaign status maya-launch20", null)]
    [InlineData("/staffing --messages 10", null)]
    public void RequiredPermission_OnlyStartNeedsCampaign(string text, string? expected) =>
        Assert.Equal(expected, CampaignChatCommands.RequiredPermission(text));
}
