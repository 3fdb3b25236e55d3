using System.Text.Json.Nodes;
using Switchboard.Cli;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Cli;

public sealed class CardVerbTests
{
    private static readonly FileInfo Review = new(RepoPaths.InRepo("cards", "review.json"));
    private static readonly FileInfo ReviewData = new(RepoPaths.InRepo("cards", "samples", "review.data.json"));

    [Fact]
    public void Render_Teams_PrintsTheExpandedCardItself()
    {
        var (code, output, error) = Run(Review, ReviewData, "teams");

        Assert.Equal(0, code);
        Assert.Empty(error);
        var card = JsonNode.Parse(output)!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Contains("Case #42 · billing", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("discord", "message")]
    [InlineData("playground", "card")]
    [InlineData("DISCORD", "modals")]
    [InlineData("slack", "blocks")]
    public void Render_Surface_PrintsThatSurfacesPayload(string surface, string property)
    {
        var (code, output, _) = Run(Review, ReviewData, surface);

        Assert.Equal(0, code);
        Assert.NotNull(JsonNode.Parse(output)![property]);
    }

    [Fact]
    public void Render_EveryTemplateWithItsSample_Succeeds()
    {
        foreach (var template in Directory.EnumerateFiles(RepoPaths.InRepo("cards"), "*.json"))
        {
            var data = new FileInfo(RepoPaths.InRepo("cards", "samples", Path.GetFileNameWithoutExtension(template) + ".data.json"));

            var (code, output, error) = Run(new FileInfo(template), data, "discord");

            Assert.True(code == 0, $"{template}: {error}");
            Assert.NotNull(JsonNode.Parse(output));
        }
    }

    [Fact]
    public void Render_UnknownSurface_ListsTheKnownOnes()
    {
        var (code, output, error) = Run(Review, ReviewData, "myspace");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("Unknown surface 'myspace'. Known surfaces: discord, playground, slack, teams", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingTemplate_SaysWhichFile()
    {
        var (code, _, error) = Run(new FileInfo(RepoPaths.InRepo("cards", "nope.json")), ReviewData, "teams");

        Assert.Equal(2, code);
        Assert.Contains("nope.json' was not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BadDataJson_SaysItIsNotJson()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(bad, "{ \"case\": ");
        try
        {
            var (code, _, error) = Run(Review, new FileInfo(bad), "teams");

            Assert.Equal(2, code);
            Assert.Contains("is not valid JSON", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void Render_BrokenTemplate_FailsWithTheReason()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"${nosuch(1)}"}]}""");
        try
        {
            var (code, _, error) = Run(new FileInfo(broken), ReviewData, "teams");

            Assert.Equal(1, code);
            Assert.Contains("unknown function 'nosuch'", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task Main_CardRenderCommandLine_ParsesAndRuns()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = SwitchboardCommandLine.Build([]).Parse(
            ["card", "render", "--template", Review.FullName, "--data", ReviewData.FullName, "--surface", "teams"]);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = error;

        var code = await parse.InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Equal("1.5", (string?)JsonNode.Parse(output.ToString())!["version"]);
    }

    private static (int Code, string Output, string Error) Run(FileInfo template, FileInfo data, string surface)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CardVerb.Render(template, data, surface, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
