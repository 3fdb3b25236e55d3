using System.Text.Json.Nodes;
using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordPermissionsTests
{
    private static readonly JsonArray Roles = JsonNode.Parse("""
        [
          { "id": "1", "permissions": "3072" },
          { "id": "20", "permissions": "8192" },
          { "id": "30", "permissions": "8" }
        ]
        """)!.AsArray();

    [Fact]
    public void Base_EveryoneAndMemberRoles_Combined()
    {
        var permissions = DiscordPermissions.Base("1", "999", "42", Roles, ["20"]);

        Assert.Equal(DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages | DiscordPermissions.ManageMessages, permissions);
    }

    [Fact]
    public void Base_AdministratorOrOwner_Everything()
    {
        Assert.Equal(DiscordPermissions.All, DiscordPermissions.Base("1", "999", "42", Roles, ["30"]));
        Assert.Equal(DiscordPermissions.All, DiscordPermissions.Base("1", "42", "42", Roles, []));
    }

    [Fact]
    public void InChannel_OverwritesApplyEveryoneThenRolesThenMember()
    {
        var overwrites = JsonNode.Parse("""
            [
              { "id": "1", "type": 0, "allow": "0", "deny": "2048" },
              { "id": "20", "type": 0, "allow": "2048", "deny": "8192" },
              { "id": "42", "type": 1, "allow": "8192", "deny": "0" }
            ]
            """)!.AsArray();
        var basePermissions = DiscordPermissions.Base("1", "999", "42", Roles, ["20"]);

        var permissions = DiscordPermissions.InChannel(basePermissions, "1", "42", ["20"], overwrites);

        Assert.Equal(DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages | DiscordPermissions.ManageMessages, permissions);
        Assert.Equal(DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages, DiscordPermissions.InChannel(basePermissions, "1", "43", ["20"], overwrites));
    }

    [Fact]
    public void Constants_MatchDiscordsBitPositions()
    {
        // BAN_MEMBERS 1<<2, MODERATE_MEMBERS 1<<40, PIN_MESSAGES 1<<51 (docs: topics/permissions).
        Assert.Equal(4UL, DiscordPermissions.BanMembers);
        Assert.Equal(1_099_511_627_776UL, DiscordPermissions.ModerateMembers);
        Assert.Equal(2_251_799_813_685_248UL, DiscordPermissions.PinMessages);
    }

    [Fact]
    public void Base_BanMembersFromARole_Kept()
    {
        var roles = JsonNode.Parse("""[ { "id": "1", "permissions": "1024" }, { "id": "20", "permissions": "4" } ]""")!.AsArray();

        Assert.NotEqual(0UL, DiscordPermissions.Base("1", "999", "42", roles, ["20"]) & DiscordPermissions.BanMembers);
        Assert.Equal(0UL, DiscordPermissions.Base("1", "999", "42", roles, []) & DiscordPermissions.BanMembers);
    }
}
