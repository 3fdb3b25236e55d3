using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Rendering;
using Switchboard.Core.Cards.Rendering.Slack;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack connector (as <see cref="IChatConnector"/>), its options (validated at start,
    /// fail closed), the typed Web API client, the Block Kit renderer and the inbound handlers — only when
    /// <c>Switchboard:Connectors:Slack:Enabled</c> is true. The host still registers an <see cref="IInboundSink"/>,
    /// runs <see cref="IChatConnector.ReceiveAsync"/> and calls <see cref="SlackEndpoints.MapSlackEndpoints"/>.
    /// </summary>
    public static IServiceCollection AddSlackConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetSection(SlackOptions.Section).GetValue<bool>(nameof(SlackOptions.Enabled)))
        {
            return services;
        }

        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackCardRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSurfaceRenderer, SlackCardRenderer>(sp => sp.GetRequiredService<SlackCardRenderer>()));
        services.AddMetrics();
        services.AddSingleton<SlackMetrics>();
        services.AddSingleton<SlackConnectionState>();
        services.AddHealthChecks().AddCheck<SlackHealthCheck>("slack", tags: ["ready"]);
        services.AddSingleton<SlackRateLimiter>();
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackEventMapper>();
        services.AddSingleton<SlackInboundProcessor>();
        services.AddSingleton<SlackInteractionHandler>();
        services.AddSingleton<SlackInteractionQueue>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddSingleton<SlackSocketModeClient>();
        services.AddSingleton<SlackConnector>();
        services.AddSingleton<IChatConnector>(sp => sp.GetRequiredService<SlackConnector>());

        // The singletons above keep their client, so the handler is never recycled; PooledConnectionLifetime
        // still picks up DNS changes. Redirects are followed by hand so the token never leaks to another host.
        services.AddHttpClient<SlackApiClient>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }
}
