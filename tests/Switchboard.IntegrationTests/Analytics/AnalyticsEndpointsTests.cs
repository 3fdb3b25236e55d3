using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Analytics;

/// <summary>The dashboard's login gate and JSON APIs on the real host.</summary>
public sealed class AnalyticsEndpointsTests : IDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Dashboard_RemoteWithoutLogin_RefusedThenLoginOpensIt()
    {
        await using var host = await TestHost.StartAsync(_folder.File("gate.db"), RemoteOnly(Password));
        using var http = NoRedirects(host);

        var api = await http.GetAsync("/api/kpi", TestContext.Current.CancellationToken);
        var page = await http.GetAsync("/dashboard/", TestContext.Current.CancellationToken);
        var wrong = await LoginAsync(http, "not-the-password");
        var right = await LoginAsync(http, Password);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("/dashboard/login", page.Headers.Location?.ToString());
        Assert.Equal("/dashboard/login?failed=1", wrong.Headers.Location?.ToString());
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal("/dashboard/", right.Headers.Location?.ToString());
        var cookie = right.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        Assert.Contains("httponly", right.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);

        http.DefaultRequestHeaders.Add("Cookie", cookie);
        var report = await http.GetFromJsonAsync<JsonObject>("/api/kpi", TestContext.Current.CancellationToken);
        var index = await http.GetStringAsync("/dashboard/", TestContext.Current.CancellationToken);
        var chart = await http.GetAsync("/dashboard/chart.umd.min.js", TestContext.Current.CancellationToken);
        Assert.True(report!.ContainsKey("firstResponseTime"));
        Assert.Contains("chart-volume", index, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.True((await chart.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 50_000, "Chart.js is not bundled");
    }

    [Fact]
    public async Task Dashboard_RemoteAndNoPasswordConfigured_LoginAlwaysFails()
    {
        await using var host = await TestHost.StartAsync(_folder.File("closed.db"), RemoteOnly(null));
        using var http = NoRedirects(host);

        var login = await LoginAsync(http, string.Empty);
        var api = await http.GetAsync("/api/kpi", TestContext.Current.CancellationToken);

        Assert.Equal("/dashboard/login?failed=1", login.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Kpi_BadRange_ProblemDetails400()
    {
        await using var host = await TestHost.StartAsync(_folder.File("range.db"));

        var response = await host.Http.GetAsync("/api/kpi?from=2026-11-21&to=2026-11-20", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Csat_ResolvedCaseRatedOnce_CountedInKpis()
    {
        await using var host = await TestHost.StartAsync(_folder.File("csat.db"));
        var now = TimeProvider.System.GetUtcNow();
        var resolved = await AnalyticsSeed.ResolvedCaseAsync(host.Get<ICaseStore>(), now, "billing", 1);
        var ct = TestContext.Current.CancellationToken;

        var first = await host.Http.PostAsJsonAsync($"/api/cases/{resolved}/csat", new { score = 4, source = "telegram-prompt" }, ct);
        var second = await host.Http.PostAsJsonAsync($"/api/cases/{resolved}/csat", new { score = 1 }, ct);
        var outOfRange = await host.Http.PostAsJsonAsync($"/api/cases/{resolved}/csat", new { score = 9 }, ct);
        var missing = await host.Http.PostAsJsonAsync("/api/cases/999/csat", new { score = 3 }, ct);
        var report = await host.Http.GetFromJsonAsync<JsonObject>($"/api/kpi?from={now.AddHours(-1):O}&to={now.AddHours(1):O}".Replace("+", "%2B", StringComparison.Ordinal), ct);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, missing.StatusCode);
        Assert.Equal(1, report!["csat"]!["responses"]!.GetValue<int>());
        Assert.Equal(4, report["csat"]!["average"]!.GetValue<double>());
    }

    private static Dictionary<string, string?> RemoteOnly(string? password)
    {
        var settings = new Dictionary<string, string?> { ["Switchboard:Analytics:DashboardTrustLoopback"] = "false" };
        if (password is not null)
        {
            settings["Switchboard:Analytics:DashboardPassword"] = password;
        }

        return settings;
    }

    private static HttpClient NoRedirects(TestHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static Task<HttpResponseMessage> LoginAsync(HttpClient http, string password) =>
        http.PostAsync("/dashboard/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = password }), TestContext.Current.CancellationToken);
}
