using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Telegram;
using Switchboard.Core.Cards.Rendering;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTelegramConnector_Disabled_RegistersNothing()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Telegram:BotToken"] = TelegramTestServices.Token,
        }).Build();

        services.AddTelegramConnector(configuration);

        Assert.Empty(services);
    }

    [Fact]
    public void AddTelegramConnector_Enabled_RegistersConnectorRendererAndModeration()
    {
        using var provider = TelegramTestServices.Build(new StubBotApiHandler());

        Assert.Equal("telegram", Assert.Single(provider.GetServices<IChatConnector>()).Name);
        Assert.Contains(provider.GetServices<ICardSurfaceRenderer>(), r => r.Surface == "telegram");
        Assert.NotNull(provider.GetRequiredService<TelegramModeration>());
        Assert.Equal("telegram", Assert.Single(provider.GetServices<Switchboard.Core.Review.Moderation.IChatModerator>()).Connector);
        Assert.IsType<InMemoryTelegramOffsetStore>(provider.GetRequiredService<ITelegramOffsetStore>());
    }

    [Fact]
    public void AddTelegramConnector_WebhookWithoutSecret_StartupValidationFails()
    {
        using var provider = TelegramTestServices.Build(new StubBotApiHandler(), configure: s =>
        {
            s["Switchboard:Connectors:Telegram:Mode"] = "Webhook";
            s["Switchboard:Connectors:Telegram:WebhookUrl"] = "https://bot.example.com/telegram/webhook";
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelegramOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("WebhookSecret is required", StringComparison.Ordinal));
    }

    [Fact]
    public void AddTelegramConnector_EnabledWithoutToken_StartupValidationFails()
    {
        using var provider = TelegramTestServices.Build(new StubBotApiHandler(), configure: s => s.Remove("Switchboard:Connectors:Telegram:BotToken"));

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelegramOptions>>().Value);
    }
}
