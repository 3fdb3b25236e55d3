using Microsoft.Playwright;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Playground;

/// <summary>
/// A person's path through the playground in headless Chromium (Debian's /usr/bin/chromium driven by
/// Playwright): post as a customer, see the review card, click Approve, see the reply.
/// </summary>
public sealed class PlaygroundBrowserTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private TestHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHost.StartAsync(_folder.File("browser.db"));
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task PostMessage_ApproveCard_ReplyAppearsInCustomerChannel()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(_host.BaseAddress.ToString());

        await page.SelectOptionAsync("[data-testid=composer-channel]", "tg-community");
        await page.FillAsync("[data-testid=composer-author]", "ana");
        await page.FillAsync("[data-testid=composer-text]", "I was charged twice for my order, please refund me");
        await page.SelectOptionAsync("[data-testid=reviewer]", "dana");
        await page.ClickAsync("[data-testid=composer-send]");

        var customerPost = page.Locator("[data-channel=tg-community] [data-testid=customer]");
        await Assertions.Expect(customerPost).ToContainTextAsync("charged twice");
        var card = page.Locator("[data-channel=review-finance] [data-testid=card]").First;
        await Assertions.Expect(card).ToContainTextAsync("billing");
        await Assertions.Expect(card).ToContainTextAsync("@ana");

        // The picture of the review card in README comes from here.
        Directory.CreateDirectory(RepoPaths.InRepo("artifacts", "screenshots"));
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = RepoPaths.InRepo("artifacts", "screenshots", "review-card-playground.png") });

        await card.Locator("button[data-verb=approve]").ClickAsync();

        // The public reply moves the conversation to a DM (no account details in public); the DM carries the rest.
        var reply = page.Locator("[data-channel=tg-community] [data-testid=reply]");
        await Assertions.Expect(reply).ToContainTextAsync("We sent you a DM");
        await Assertions.Expect(page.Locator("[data-channel=tg-dm] [data-testid=reply]")).ToContainTextAsync("Hi @ana");
        await Assertions.Expect(page.Locator("[data-channel=review-finance] [data-testid=card]").First).ToContainTextAsync("Approved by @dana");
        await Assertions.Expect(page.Locator("[data-channel=review-finance] [data-testid=card] button[data-verb=approve]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepoPaths.InRepo("artifacts", "screenshots", "playground-after-approve.png"), FullPage = true });
    }

    [Fact]
    public async Task LaunchButtons_FactsheetStartAndDone_OneChecklistCardEditedInPlace()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(_host.BaseAddress.ToString());
        await page.SelectOptionAsync("[data-testid=reviewer]", "dana");
        await Assertions.Expect(page.Locator("[data-testid=launch-channel]")).ToHaveValueAsync("review-campaign-ops");
        var cards = page.Locator("[data-channel=review-campaign-ops] [data-testid=card]");

        await page.ClickAsync("[data-testid=launch-factsheet]");
        await Assertions.Expect(cards.First).ToContainTextAsync("shop.example.com/winter-launch");

        await page.ClickAsync("[data-testid=launch-start]");
        await Assertions.Expect(page.Locator("[data-testid=launch-result]")).ToContainTextAsync("Launch run");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        var checklist = cards.Nth(1);
        await checklist.Locator("button[data-verb=task_done]").First.ClickAsync();

        await Assertions.Expect(checklist).ToContainTextAsync("marked done by @dana");
        await Assertions.Expect(cards).ToHaveCountAsync(2);

        await page.ClickAsync("[data-testid=launch-status]");
        await Assertions.Expect(cards).ToHaveCountAsync(3);
        await Assertions.Expect(cards.Nth(2)).ToContainTextAsync("1 of 7 done");
    }

    [Fact]
    public async Task PostEmptyMessage_PageShowsTheError()
    {
        var page = await _browser.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(_host.BaseAddress.ToString());
        await page.FillAsync("[data-testid=composer-author]", "ana");
        await page.FillAsync("[data-testid=composer-text]", "   ");

        // The input is required in the form; bypass it to check the server's answer is shown.
        await page.EvaluateAsync("() => document.getElementById('composer-text').removeAttribute('required')");
        await page.ClickAsync("[data-testid=composer-send]");

        await Assertions.Expect(page.Locator("#composer-status")).ToContainTextAsync("empty");
    }
}
