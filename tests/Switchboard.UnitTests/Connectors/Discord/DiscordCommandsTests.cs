using System.Text.Json.Nodes;
using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordCommandsTests
{
    [Fact]
    public void ToText_CampaignSubCommand_SharedTextForm()
    {
        var data = JsonNode.Parse("""
            {"id":"1","name":"campaign","type":1,"options":[{"name":"status","type":1,"options":[{"name":"name","type":3,"value":"maya-launch20"}]}]}
            """);

        Assert.Equal("/campaign status maya-launch20", DiscordCommands.ToText(data));
    }

    [Fact]
    public void ToText_StaffingNumbers_FlagsWithDashes()
    {
        var data = JsonNode.Parse("""
            {"id":"2","name":"staffing","type":1,"options":[
              {"name":"messages","type":10,"value":2400},{"name":"handle_minutes","type":10,"value":4},
              {"name":"buffer","type":10,"value":0.25},{"name":"productive_hours","type":10,"value":30},
              {"name":"campaign","type":3,"value":"maya-launch20"}]}
            """);

        Assert.Equal("/staffing --messages 2400 --handle-minutes 4 --buffer 0.25 --productive-hours 30 --campaign maya-launch20", DiscordCommands.ToText(data));
    }

    [Fact]
    public void ToText_OtherCommand_Null() =>
        Assert.Null(DiscordCommands.ToText(JsonNode.Parse("""{"id":"3","name":"ban","type":1}""")));

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Definitions_GlobalOnly_LimitedToGuildContexts(bool global, bool hasContexts) =>
        Assert.All(DiscordCommands.Definitions(global), c => Assert.Equal(hasContexts, c!.AsObject().ContainsKey("contexts")));
}
