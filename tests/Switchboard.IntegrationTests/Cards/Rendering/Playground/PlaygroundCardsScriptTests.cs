using Microsoft.Playwright;
using Switchboard.Core.Cards.Rendering.Playground;
using Switchboard.Tests;

using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Cards.Rendering.Playground;

/// <summary>
/// Renders the review card in headless Debian Chromium with the playground's cards.js and the vendored
/// adaptivecards bundle, presses its buttons and checks what reaches the page's onAction callback. The
/// screenshot of the rendered card lands in artifacts/screenshots/review-card.png (docs/images has a copy).
/// </summary>
public sealed class PlaygroundCardsScriptTests : IAsyncLifetime
{

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task RenderCard_ReviewCardApprove_ReportsVerbAndToken()
    {
        var page = await OpenReviewCardAsync("review.data.json");
        Directory.CreateDirectory(RepoPaths.InRepo("artifacts", "screenshots"));
        await page.Locator("#host").ScreenshotAsync(new() { Path = RepoPaths.InRepo("artifacts", "screenshots", "review-card.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        Assert.Equal("""[{"verb":"approve","token":"tokA","inputs":{}}]""", await ActionsAsync(page));
        Assert.Equal(
            ["approve", "show-edit", "escalate", "show-retag"],
            await page.Locator("#host button[data-verb]").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.verb)"));
    }

    [Fact]
    public async Task RenderCard_ReviewCardEdit_SubmitsEditedText()
    {
        var page = await OpenReviewCardAsync("review.data.json");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Reply to send" });
        Assert.StartsWith("Hi Ana, sorry about the double charge.", await editor.InputValueAsync(), StringComparison.Ordinal);
        await editor.FillAsync("Hi Ana, the refund is on its way.");
        await page.Locator("#host button[data-verb=edit]").ClickAsync();

        Assert.Equal("""[{"verb":"edit","token":"tokE","inputs":{"editedText":"Hi Ana, the refund is on its way."}}]""", await ActionsAsync(page));
    }

    [Fact]
    public async Task RenderCard_OutcomeCard_ShowsOutcomeAndNoButtons()
    {
        var page = await OpenReviewCardAsync("review.outcome.data.json");

        Assert.Contains("Approved by @dana at 14:02", await page.Locator("#host").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button).CountAsync());
    }

    private async Task<IPage> OpenReviewCardAsync(string dataFile)
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 560, Height = 900 } });
        await page.SetContentAsync("<!doctype html><html><body style=\"margin:0;background:#fff\"><div id=\"host\" style=\"width:520px;padding:8px\"></div></body></html>");
        await page.AddScriptTagAsync(new() { Path = AdaptiveCardsBundle() });
        await page.AddScriptTagAsync(new() { Path = RepoPaths.InRepo("src", "Switchboard", "wwwroot", "playground", "cards.js") });

        var payload = new PlaygroundCardRenderer().Render(CardSamples.Composer().Compose("review", CardSamples.Read(RepoPaths.InRepo("cards", "samples", dataFile))));
        await page.EvaluateAsync(
            """
            cardJson => {
              window.actions = [];
              document.getElementById("host").replaceChildren(window.switchboardRenderCard(cardJson, a => window.actions.push(a)));
            }
            """,
            payload["card"]!.ToJsonString());
        return page;
    }

    private static async Task<string> ActionsAsync(IPage page) => await page.EvaluateAsync<string>("() => JSON.stringify(window.actions)");

    private static string AdaptiveCardsBundle()
    {
        // The build copies the bundle into wwwroot/vendor; the npm install location works before the first build too.
        var vendored = RepoPaths.InRepo("src", "Switchboard", "wwwroot", "vendor", "adaptivecards.min.js");
        var installed = RepoPaths.InRepo("src", "Switchboard", "web", "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        var bundle = File.Exists(vendored) ? vendored : installed;
        Assert.True(File.Exists(bundle), "adaptivecards.min.js is missing: run `bash eng/install/cards.sh` first.");
        return bundle;
    }
}
