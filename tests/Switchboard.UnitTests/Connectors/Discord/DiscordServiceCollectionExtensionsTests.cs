using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Discord;
using Switchboard.Core.Connectors;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, bool asFactory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (asFactory)
        {
            // How the generic host registers it.
            services.AddSingleton<IConfiguration>(_ => configuration);
        }
        else
        {
            services.AddSingleton<IConfiguration>(configuration);
        }

        services.AddLogging();
        services.AddDiscordConnector();
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddDiscordConnector_Disabled_NoConnectorRegistered(bool asFactory)
    {
        using var provider = Build([], asFactory);

        Assert.Empty(provider.GetServices<IChatConnector>());
        Assert.Empty(provider.GetServices<IChatModerator>());
        Assert.False(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.Enabled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddDiscordConnector_Enabled_RegistersTheConnectorAndModeration(bool asFactory)
    {
        using var provider = Build(new() { ["Switchboard:Connectors:Discord:Enabled"] = "true", ["Switchboard:Connectors:Discord:BotToken"] = "abc" }, asFactory);

        Assert.Equal("discord", Assert.Single(provider.GetServices<IChatConnector>()).Name);
        Assert.NotNull(provider.GetRequiredService<DiscordModerationService>());
        var moderator = Assert.Single(provider.GetServices<IChatModerator>());
        Assert.Equal("discord", moderator.Connector);

        // Every moderation verb, Ban author included: the card offers all four on Discord cases.
        Assert.Equal(ModerationActions.All.ToHashSet(), moderator.Actions.ToHashSet());
    }

    [Fact]
    public void AddDiscordConnector_EnabledWithoutToken_OptionsFailClosed()
    {
        using var provider = Build(new() { ["Switchboard:Connectors:Discord:Enabled"] = "true" }, asFactory: false);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("BotToken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("604801")]
    public void AddDiscordConnector_BanDeleteMessageSecondsOutOfRange_OptionsFailClosed(string seconds)
    {
        using var provider = Build(
            new() { ["Switchboard:Connectors:Discord:Enabled"] = "true", ["Switchboard:Connectors:Discord:BotToken"] = "abc", ["Switchboard:Connectors:Discord:BanDeleteMessageSeconds"] = seconds },
            asFactory: false);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("BanDeleteMessageSeconds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("604800", 604800)]
    public void AddDiscordConnector_BanDeleteMessageSeconds_DefaultKeepsHistoryAndSevenDaysIsAllowed(string? seconds, int expected)
    {
        var settings = new Dictionary<string, string?> { ["Switchboard:Connectors:Discord:Enabled"] = "true", ["Switchboard:Connectors:Discord:BotToken"] = "abc" };
        if (seconds is not null)
        {
            settings["Switchboard:Connectors:Discord:BanDeleteMessageSeconds"] = seconds;
        }

        using var provider = Build(settings, asFactory: false);

        Assert.Equal(expected, provider.GetRequiredService<IOptions<DiscordOptions>>().Value.BanDeleteMessageSeconds);
    }
}
