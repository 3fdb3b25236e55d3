using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Telegram;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramWebhookEndpointsTests
{
    [Fact]
    public async Task HandleAsync_ConnectorNotRegistered_NotFound()
    {
        var services = new ServiceCollection();
        services.AddOptions();
        services.AddLogging();
        using var provider = services.BuildServiceProvider();

        var result = await TelegramWebhookEndpoints.HandleAsync(new DefaultHttpContext { RequestServices = provider }, TestContext.Current.CancellationToken);

        Assert.IsType<NotFound>(result);
    }

    [Fact]
    public async Task HandleAsync_PollingMode_NotFoundEvenWithSecret()
    {
        using var provider = TelegramTestServices.Build(new StubBotApiHandler());
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Headers[TelegramWebhookSecret.HeaderName] = "anything";

        var result = await TelegramWebhookEndpoints.HandleAsync(context, TestContext.Current.CancellationToken);

        Assert.IsType<NotFound>(result);
    }

    [Fact]
    public async Task HandleAsync_WebhookModeWithoutHeader_UnauthorizedAndSinkUntouched()
    {
        var sink = new RecordingSink();
        using var provider = TelegramTestServices.Build(new StubBotApiHandler(), configure: s =>
        {
            s["Switchboard:Connectors:Telegram:Mode"] = "Webhook";
            s["Switchboard:Connectors:Telegram:WebhookUrl"] = "https://bot.example.com/telegram/webhook";
            s["Switchboard:Connectors:Telegram:WebhookSecret"] = "hook_secret-123";
        });
        var context = new DefaultHttpContext { RequestServices = new SinkAddingProvider(provider, sink) };
        context.Request.Body = new MemoryStream("""{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"text":"x"}}"""u8.ToArray());

        var result = await TelegramWebhookEndpoints.HandleAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsType<ProblemHttpResult>(result).StatusCode);
        Assert.Empty(sink.Messages);
    }

    private sealed class SinkAddingProvider(IServiceProvider inner, IInboundSink sink) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IInboundSink) ? sink : inner.GetService(serviceType);
    }
}
