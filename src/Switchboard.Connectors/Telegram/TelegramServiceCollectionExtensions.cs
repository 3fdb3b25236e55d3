using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Rendering;
using Switchboard.Core.Cards.Rendering.Telegram;
using Switchboard.Core.Connectors;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.Connectors.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Telegram connector when <c>Switchboard:Connectors:Telegram:Enabled</c> is true: options
    /// (validated at startup, failing closed), the Bot API client, the connector as an <see cref="IChatConnector"/>,
    /// <see cref="TelegramModeration"/> with its <see cref="IChatModerator"/> for trust &amp; safety cards, the card renderer, a "telegram" health check tagged "ready", and a file-backed <see cref="ITelegramOffsetStore"/> unless
    /// the host registered its own first. Receiving is driven by the host calling <see cref="IChatConnector.ReceiveAsync"/>.
    /// </summary>
    public static IServiceCollection AddTelegramConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetSection(TelegramOptions.Section).GetValue<bool>(nameof(TelegramOptions.Enabled)))
        {
            return services;
        }

        services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<TelegramBotApiClient>(TelegramBotApiClient.HttpClientName, http =>
            {
                // Each call sets its own deadline (long polls need longer than sends).
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })

            // The default handlers log request URIs, and a Bot API URI holds the bot token.
            .RemoveAllLoggers();

        services.TryAddSingleton<TelegramCardRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSurfaceRenderer, TelegramCardRenderer>());
        services.TryAddSingleton<TelegramSendPacer>();
        services.TryAddSingleton<TelegramPendingEdits>();
        services.TryAddSingleton<TelegramUpdateHandler>();
        services.TryAddSingleton<ITelegramOffsetStore>(sp =>
            new FileTelegramOffsetStore(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.OffsetFile));
        services.TryAddSingleton<TelegramConnector>();
        services.AddSingleton<IChatConnector>(sp => sp.GetRequiredService<TelegramConnector>());
        services.TryAddSingleton<TelegramHealthCheck>();
        services.AddHealthChecks().AddCheck<TelegramHealthCheck>("telegram", tags: ["ready"]);
        services.TryAddSingleton(sp => new TelegramModeration(
            sp.GetRequiredService<TelegramBotApiClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TelegramModeration>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatModerator, TelegramChatModerator>());
        return services;
    }
}
