using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.IntegrationTests.Handoff;

/// <summary>A Kestrel server on 127.0.0.1 with a port the OS picks, answering with a test's handler and recording each request.</summary>
internal sealed class LoopbackFakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackFakeServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>What the next requests get; tests swap it between calls.</summary>
    public Func<HttpContext, Task> Handler { get; set; } = context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    public static async Task<LoopbackFakeServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackFakeServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            server!.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(),
                body));
            await server.Handler(context);
        });
        await app.StartAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First() ?? throw new InvalidOperationException("Kestrel reported no address.");
        server = new LoopbackFakeServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public static Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
    }
}
