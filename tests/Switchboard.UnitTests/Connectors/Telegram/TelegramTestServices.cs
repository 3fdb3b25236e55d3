using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Telegram;

namespace Switchboard.UnitTests.Connectors.Telegram;

/// <summary>Builds the connector's real DI graph with the Bot API answered in process by a <see cref="StubBotApiHandler"/>.</summary>
internal static class TelegramTestServices
{
    public const string Token = "123456:TESTtokenTESTtokenTESTtoken";
    public const long TeamChat = -1002000;
    public const long CustomerGroup = -1003000;

    public static ServiceProvider Build(StubBotApiHandler stub, TimeProvider? time = null, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Telegram:Enabled"] = "true",
            ["Switchboard:Connectors:Telegram:BotToken"] = Token,
            ["Switchboard:Connectors:Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Switchboard:Connectors:Telegram:TeamChats:0"] = TeamChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Switchboard:Connectors:Telegram:CustomerChats:0"] = CustomerGroup.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Switchboard:Connectors:Telegram:PerChatMessagesPerSecond"] = "1000",
            ["Switchboard:Connectors:Telegram:GlobalMessagesPerSecond"] = "1000",
            ["Switchboard:Connectors:Telegram:PerGroupMessagesPerMinute"] = "60000",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton<ITelegramOffsetStore, InMemoryTelegramOffsetStore>();
        services.AddTelegramConnector(configuration);
        services.AddHttpClient<TelegramBotApiClient>(TelegramBotApiClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
