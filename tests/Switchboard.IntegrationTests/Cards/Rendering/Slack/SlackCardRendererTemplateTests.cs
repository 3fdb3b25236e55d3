using Switchboard.Core.Cards.Rendering.Slack;
using Switchboard.IntegrationTests.Connectors.Slack;

namespace Switchboard.IntegrationTests.Cards.Rendering.Slack;

/// <summary>The Slack renderer over every template in cards/ with every sample, checked against @slack/types.</summary>
public sealed class SlackCardRendererTemplateTests
{
    [Fact]
    public async Task Render_EverySampleCard_TypeChecksAgainstSlackTypes()
    {
        var composer = CardSamples.Composer();
        var renderer = new SlackCardRenderer();
        var calls = CardSamples.Pairs()
            .Select(pair =>
            {
                var rendered = renderer.Render(composer.Compose(pair.Name, CardSamples.Read(pair.Data)));
                rendered["channel"] = "C1";
                return new FakeSlackCall("chat.postMessage", null, rendered, 200, default, []);
            })
            .ToList();

        var (exitCode, output) = await BlockKitTypeCheck.RunAsync(calls, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        Assert.True(calls.Count >= 15, $"Only {calls.Count} cards were checked.");
        Assert.All(calls, c => Assert.InRange(c.Body["blocks"]!.AsArray().Count, 1, 50));
    }
}
