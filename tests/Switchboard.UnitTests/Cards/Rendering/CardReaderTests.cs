using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering;

namespace Switchboard.UnitTests.Cards.Rendering;

public sealed class CardReaderTests
{
    [Fact]
    public void Read_ReviewCard_FindsTitleAccentFactsAndActions()
    {
        var document = CardReader.Read(CardTestData.Review().Card);

        Assert.Equal("Case #42 · billing", document.Title);
        Assert.Equal("warning", document.Accent);
        Assert.Contains(document.Blocks, b => b is CardBlock.Facts f && f.Items.Any(i => i is { Title: "SLA", Value: "first response due in 45 min" }));
        Assert.Contains(new CardBlock.Text("Draft reply", "bold"), document.Blocks);
        Assert.Equal(
            ["approve:tokA:positive:", "edit:tokE::text", "escalate:tokX:destructive:", "retag:tokR::choice"],
            document.Actions.Select(a => $"{a.Verb}:{a.Token}:{a.Style}:{a.Input?.Kind}"));
    }

    [Fact]
    public void Read_ReviewCard_FoldsShowCardFormsIntoTheirActions()
    {
        var actions = CardReader.Read(CardTestData.Review().Card).Actions;

        var edit = actions.Single(a => a.Verb == "edit");
        var retag = actions.Single(a => a.Verb == "retag");
        Assert.Equal("Edit", edit.Title);
        Assert.Equal(("editedText", true, 4000), (edit.Input!.Id, edit.Input.IsMultiline, edit.Input.MaxLength));
        Assert.StartsWith("Hi Ana", edit.Input.Value, StringComparison.Ordinal);
        Assert.Equal("newIntent", retag.Input!.Id);
        Assert.Equal("billing", retag.Input.Value);
        Assert.Equal(11, retag.Input.Choices.Count);
    }

    [Fact]
    public void Read_SubmitOpenUrlAndActionSet_AreActions()
    {
        var card = JsonNode.Parse(
            """
            {"type":"AdaptiveCard","body":[{"type":"ColumnSet","columns":[{"type":"Column","items":[{"type":"TextBlock","text":"in a column"}]}]},
              {"type":"ActionSet","actions":[{"type":"Action.Submit","title":"Go","data":{"verb":"approve","token":"t1"}}]}],
             "actions":[{"type":"Action.OpenUrl","title":"Docs","url":"https://example.com/"}]}
            """)!.AsObject();

        var document = CardReader.Read(card);

        Assert.Null(document.Title);
        Assert.Equal([new CardBlock.Text("in a column", null)], document.Blocks);
        Assert.Equal(["execute:approve:t1", "openUrl::"], document.Actions.Select(a => $"{a.Kind}:{a.Verb}:{a.Token}"));
        Assert.Equal("https://example.com/", document.Actions[1].Url);
    }
}
