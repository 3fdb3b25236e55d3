using Microsoft.Extensions.Options;
using Switchboard.Core.Cards;
using Switchboard.Core.Cards.Templating;

namespace Switchboard.UnitTests.Cards;

public sealed class CardTemplatesTests
{
    private readonly CardTemplates _templates = new(Options.Create(new CardsOptions { TemplatesPath = CardTestData.TemplatesFolder }));

    [Fact]
    public void Names_RepoFolder_ListsTheSixCards()
    {
        Assert.Equal(["checklist", "factsheet", "incident", "kpi", "retro", "review", "sla"], _templates.Names);
    }

    [Fact]
    public void Get_Review_LoadsOnceAndCaches()
    {
        var first = _templates.Get("review");

        Assert.Same(first, _templates.Get("review"));
        Assert.Equal("AdaptiveCard", (string?)first["type"]);
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("review.json")]
    [InlineData("a/b")]
    public void Get_PathLikeName_IsRejected(string name)
    {
        Assert.Throws<ArgumentException>(() => _templates.Get(name));
    }

    [Fact]
    public void Get_MissingTemplate_SaysWhichOne()
    {
        var ex = Assert.Throws<TemplateException>(() => _templates.Get("nosuchcard"));

        Assert.Contains("no card template 'nosuchcard'", ex.Message, StringComparison.Ordinal);
        Assert.False(_templates.Exists("nosuchcard"));
        Assert.True(_templates.Exists("review"));
    }

    [Fact]
    public void LoadFile_BrokenExpression_FailsAtLoad()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"${nosuch(case.id)}"}]}""");
        try
        {
            var ex = Assert.Throws<TemplateException>(() => CardTemplates.LoadFile(file));

            Assert.Contains("unknown function 'nosuch'", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FindDefaultFolder_FromTestOutput_FindsRepoCards()
    {
        Assert.Equal(CardTestData.TemplatesFolder, CardTemplates.FindDefaultFolder());
    }
}
