using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Hosting;

public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_InvalidSetting_RefusesToStartNamingTheKey()
    {
        var result = await SwitchboardProcess.RunAsync(
            TimeSpan.FromMinutes(1),
            "serve",
            "--urls=http://127.0.0.1:0",
            $"--Switchboard:Storage:SqlitePath={_folder.File("x.db")}",
            "--Switchboard:Storage:Synchronous=SOMETIMES",
            "--Switchboard:Routing:Intents:billing:Owner=nobody");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Switchboard:Storage:Synchronous", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ShortIngestSecret_RefusesToStart()
    {
        var result = await SwitchboardProcess.RunAsync(
            TimeSpan.FromMinutes(1),
            "serve",
            "--urls=http://127.0.0.1:0",
            $"--Switchboard:Storage:SqlitePath={_folder.File("y.db")}",
            "--Switchboard:Ingest:SigningSecret=short");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SigningSecret", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("short", result.Error.Replace("SigningSecret must", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "version");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("switchboard ", result.Output, StringComparison.Ordinal);
    }
}
