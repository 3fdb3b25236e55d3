using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// The real Switchboard host on Kestrel at 127.0.0.1 (a free port), with its own SQLite file.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, string databasePath)
    {
        _app = app;
        DatabasePath = databasePath;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<TestHost> StartAsync(string databasePath, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Switchboard:Storage:SqlitePath={databasePath}",
            $"--Switchboard:Playground:FilesPath={Path.Combine(Path.GetDirectoryName(databasePath)!, "files")}",
            "--Switchboard:Outbox:PollMilliseconds=50",
            "--Logging:LogLevel:Default=Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        var app = SwitchboardHost.Build([.. args], configure);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestHost(app, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
