using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordRouteTests
{
    [Theory]
    [InlineData("POST", "channels/123/messages", "POST channels/{channel}/messages", "channels/123", false)]
    [InlineData("PATCH", "channels/123/messages/456", "PATCH channels/{channel}/messages/{id}", "channels/123", false)]
    [InlineData("PATCH", "guilds/1/members/99", "PATCH guilds/{guild}/members/{id}", "guilds/1", false)]
    [InlineData("POST", "interactions/555/secret-token/callback", "POST interactions/{interaction}/{token}/callback", "/secret-token", true)]
    [InlineData("PATCH", "webhooks/7070/secret-token/messages/@original", "PATCH webhooks/{webhook}/{token}/messages/@original", "webhooks/7070/secret-token", true)]
    [InlineData("POST", "users/@me/channels", "POST users/@me/channels", "", false)]
    public void For_Path_TemplateHidesIdsAndTokens(string method, string path, string template, string major, bool exempt)
    {
        var route = DiscordRoute.For(new HttpMethod(method), path);

        Assert.Equal(template, route.Template);
        Assert.Equal(major, route.MajorParameter);
        Assert.Equal(exempt, route.GlobalExempt);
        Assert.DoesNotContain("secret-token", route.Template, StringComparison.Ordinal);
    }

    [Fact]
    public void For_DifferentMessagesInOneChannel_ShareAKey()
    {
        Assert.Equal(DiscordRoute.For(HttpMethod.Patch, "channels/1/messages/2").Key, DiscordRoute.For(HttpMethod.Patch, "channels/1/messages/3").Key);
        Assert.NotEqual(DiscordRoute.For(HttpMethod.Patch, "channels/1/messages/2").Key, DiscordRoute.For(HttpMethod.Patch, "channels/9/messages/2").Key);
    }
}
