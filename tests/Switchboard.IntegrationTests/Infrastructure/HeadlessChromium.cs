using Microsoft.Playwright;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, with the flags that keep it off this machine's closed
/// network (no background networking, updates or sync): the browser tests' one way to start a browser.
/// </summary>
internal static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(ExecutablePath), "Debian chromium is missing: run the README's test command (bash eng/test.sh), which installs it.");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
