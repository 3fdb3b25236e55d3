using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Analytics;

/// <summary>
/// The dashboard in headless Chromium (Debian's /usr/bin/chromium) after the launch-day sample was replayed
/// into the host's database and a lead worked part of the queue: every chart must plot data.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private TestHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private int _actions;

    public async ValueTask InitializeAsync()
    {
        var db = _folder.File("dashboard.db");
        // Replay first, then start the host on the same file: the replay's virtual clock owns those events.
        await LaunchDay.ReplayAsync(db);
        _host = await TestHost.StartAsync(db, configure: builder => builder.Services.AddSingleton<TimeProvider>(new ManualClock(LaunchDay.Evening)));
        _actions = await LaunchDay.ReviewSomeAsync(_host, db);
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
    public async Task Dashboard_AfterLaunchDayReplay_EveryChartPlotsData()
    {
        Assert.True(_actions >= 10, $"only {_actions} review actions were accepted");
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1100 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(new Uri(_host.BaseAddress, $"/dashboard/?from={LaunchDay.Day}T00:00:00Z&to=2026-11-21T00:00:00Z").ToString());

        await Assertions.Expect(page.Locator("[data-testid=status][data-loaded=true]")).ToContainTextAsync("cases opened");
        foreach (var chart in new[] { "chart-volume", "chart-sla", "chart-backlog", "chart-frt", "chart-agreement", "chart-load" })
        {
            var canvas = page.Locator($"[data-testid={chart}]");
            var points = int.Parse(await canvas.GetAttributeAsync("data-points") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var total = double.Parse(await canvas.GetAttributeAsync("data-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(points > 0, $"{chart} plots no values");
            Assert.True(total > 0, $"{chart} plots only zeros");
            var box = await canvas.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 100 }, $"{chart} has no size");
        }

        // 342 messages over the day; the busiest hour has some of them.
        var volume = await page.Locator("[data-testid=chart-volume]").GetAttributeAsync("data-total");
        Assert.Equal("342", volume);
        Assert.True(await page.Locator("[data-testid=confusion] td.heat").CountAsync() > 0);
        Assert.True(await page.Locator("[data-testid=queue-row]").CountAsync() > 10);
        // The canvas really has ink: some pixel is not transparent.
        var inked = await page.EvaluateAsync<bool>("() => { const c = document.getElementById('chart-volume'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; }");
        Assert.True(inked);

        Directory.CreateDirectory(RepoPaths.InRepo("artifacts", "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepoPaths.InRepo("artifacts", "screenshots", "dashboard.png"), FullPage = true });
    }
}
