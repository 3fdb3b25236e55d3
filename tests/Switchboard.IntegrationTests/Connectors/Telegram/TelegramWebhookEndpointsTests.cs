using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Telegram;
using Switchboard.Core.Connectors;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>The webhook endpoint on a real Kestrel host: secret checked, acked only after the sink stored the update.</summary>
public sealed class TelegramWebhookEndpointsTests : IAsyncLifetime
{
    private const string Secret = "hook_secret-123";
    private const string Update = """
        {"update_id": 777, "message": {"message_id": 12, "date": 1795000000,
          "from": {"id": 5551, "is_bot": false, "first_name": "Mia"}, "chat": {"id": 5551, "type": "private"}, "text": "hello"}}
        """;

    private readonly DurableSink _sink = new();
    private FakeBotApi _api = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _api = await FakeBotApi.StartAsync(ct);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = TelegramTestHost.Settings(_api.BaseUrl, "300001:WebhookTokenWebhookTokenWebhookT");
        settings["Switchboard:Connectors:Telegram:Mode"] = "Webhook";
        settings["Switchboard:Connectors:Telegram:WebhookUrl"] = "https://bot.example.com/telegram/webhook";
        settings["Switchboard:Connectors:Telegram:WebhookSecret"] = Secret;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IInboundSink>(_sink);
        builder.Services.AddSingleton<ITelegramOffsetStore, InMemoryTelegramOffsetStore>();
        builder.Services.AddTelegramConnector(builder.Configuration);
        _app = builder.Build();
        _app.MapTelegramWebhook();
        await _app.StartAsync(ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Post_WithoutSecretHeader_RejectedAndNothingStored()
    {
        using var response = await PostAsync(Update, secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _sink.Deliveries);
    }

    [Fact]
    public async Task Post_WrongSecret_Rejected()
    {
        using var response = await PostAsync(Update, secret: "hook_secret-124");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _sink.Deliveries);
    }

    [Fact]
    public async Task Post_RightSecret_StoredThenAcked()
    {
        using var response = await PostAsync(Update, Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5551:12", Assert.Single(_sink.Stored).PlatformMessageId);
    }

    [Fact]
    public async Task Post_Redelivered_StoredOnce()
    {
        using var first = await PostAsync(Update, Secret);
        using var again = await PostAsync(Update, Secret);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_sink.Stored);
        Assert.Equal(1, _sink.Duplicates);
    }

    [Fact]
    public async Task Post_StoreFails_Answers500SoTelegramRedelivers()
    {
        _sink.BeforeStore = _ => throw new IOException("disk full");

        using var response = await PostAsync(Update, Secret);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(_sink.Stored);
    }

    [Fact]
    public async Task Post_NotAnUpdate_BadRequest()
    {
        using var response = await PostAsync("not json", Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoints.DefaultPattern)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
