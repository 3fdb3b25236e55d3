using System.Text.Json.Nodes;
using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordConnectorTests
{
    [Fact]
    public void ModalValue_LabelWrappedTextInput_ReadsTheValue()
    {
        var data = JsonNode.Parse("""
            { "custom_id": "sbm:edit:tok", "components": [ { "type": 18, "id": 1, "component": { "type": 4, "id": 2, "custom_id": "text", "value": "New reply" } } ] }
            """);

        Assert.Equal("New reply", DiscordConnector.ModalValue(data));
    }

    [Fact]
    public void ModalValue_LegacyActionRow_ReadsTheValue()
    {
        var data = JsonNode.Parse("""
            { "custom_id": "sbm:retag:tok", "components": [ { "type": 1, "components": [ { "type": 4, "custom_id": "intent", "value": "shipping" } ] } ] }
            """);

        Assert.Equal("shipping", DiscordConnector.ModalValue(data));
    }

    [Fact]
    public void ModalValue_NoTextInput_Null()
    {
        Assert.Null(DiscordConnector.ModalValue(JsonNode.Parse("""{ "custom_id": "x", "components": [] }""")));
    }
}
