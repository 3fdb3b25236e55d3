using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramHealthCheckTests
{
    [Fact]
    public async Task CheckHealth_TokenAccepted_Healthy()
    {
        using var services = TelegramTestServices.Build(new StubBotApiHandler());

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, report.Entries["telegram"].Status);
    }

    [Fact]
    public async Task CheckHealth_TokenRejected_Unhealthy()
    {
        var api = new StubBotApiHandler
        {
            Respond = (_, _) => StubBotApiHandler.Json(HttpStatusCode.Unauthorized, """{"ok": false, "error_code": 401, "description": "Unauthorized"}"""),
        };
        using var services = TelegramTestServices.Build(api);

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["telegram"].Status);
    }

    [Fact]
    public async Task CheckHealth_ProbedTwice_AsksTelegramOnce()
    {
        var api = new StubBotApiHandler();
        using var services = TelegramTestServices.Build(api);
        var health = services.GetRequiredService<HealthCheckService>();

        await health.CheckHealthAsync(TestContext.Current.CancellationToken);
        await health.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Single(api.CallsTo("getMe"));
    }
}
