using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.Connectors.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord connector (gateway receiver, REST client, moderation service and its
    /// <see cref="IChatModerator"/> for trust &amp; safety cards) when
    /// Switchboard:Connectors:Discord:Enabled is true. The options are always bound and validated, so a
    /// half-configured section fails start-up rather than being ignored.
    /// </summary>
    public static IServiceCollection AddDiscordConnector(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        configuration ??= ConfigurationOf(services);
        if (configuration?.GetValue<bool>(DiscordOptions.Section + ":Enabled") != true)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DiscordRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient<DiscordRestClient>((sp, http) =>
        {
            var api = sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl;
            http.BaseAddress = new Uri(api.EndsWith('/') ? api : api + "/");
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/switchboard, 1.0)");
        })
            // The connector is a singleton holding this client: recycle pooled connections instead of handlers so DNS changes are seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<DiscordInboundMapper>();
        services.AddSingleton<DiscordConnector>();
        services.AddSingleton<IChatConnector>(sp => sp.GetRequiredService<DiscordConnector>());
        services.AddSingleton(sp => new DiscordModerationService(
            sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DiscordModerationService>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatModerator, DiscordChatModerator>());
        return services;
    }

    // The host's configuration, as registered by the host builder (an instance, or a factory that ignores its provider).
    private static IConfiguration? ConfigurationOf(IServiceCollection services)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(IConfiguration) && !d.IsKeyedService);
        if (descriptor?.ImplementationInstance is IConfiguration instance)
        {
            return instance;
        }

        if (descriptor?.ImplementationFactory is { } factory)
        {
            using var empty = new ServiceCollection().BuildServiceProvider();
            return factory(empty) as IConfiguration;
        }

        return null;
    }
}
