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

        // Discord has no ban here: the card shows no Ban button for Discord cases.
        Assert.DoesNotContain(ModerationActions.BanAuthor, moderator.Actions);
    }

    [Fact]
    public void AddDiscordConnector_EnabledWithoutToken_OptionsFailClosed()
    {
        using var provider = Build(new() { ["Switchboard:Connectors:Discord:Enabled"] = "true" }, asFactory: false);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("BotToken", error.Message, StringComparison.Ordinal);
    }
}
