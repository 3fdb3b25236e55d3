using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Rendering;
using Switchboard.Core.Cards.Rendering.Teams;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Teams;

public static class TeamsServiceCollectionExtensions
{
    private const string SigningKeysClient = "Switchboard.Teams.SigningKeys";

    /// <summary>
    /// Registers the Teams connector (as <see cref="IChatConnector"/>), its options (validated at start, fail
    /// closed), the signing-key caches (Bot Connector and Entra), token provider and Connector REST client — only when
    /// <c>Switchboard:Connectors:Teams:Enabled</c> is true. The host maps <see cref="TeamsEndpoints.MapTeamsEndpoints"/>
    /// and registers <see cref="Core.Storage.ITeamsConversationStore"/> (SQLite storage does).
    /// </summary>
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetSection(TeamsOptions.Section).GetValue<bool>(nameof(TeamsOptions.Enabled)))
        {
            return services;
        }

        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // The one Teams renderer (Core); registered the way AddCards does, so either call order yields one.
        services.TryAddSingleton<TeamsCardRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSurfaceRenderer, TeamsCardRenderer>(sp => sp.GetRequiredService<TeamsCardRenderer>()));
        services.AddMetrics();
        services.AddSingleton<TeamsMetrics>();
        services.AddSingleton<TeamsRequestAuthenticator>();
        services.AddSingleton<TeamsActivityDeduplicator>();
        services.AddSingleton<TeamsActivityHandler>();
        services.AddSingleton<TeamsConnector>();
        services.AddSingleton<IChatConnector>(sp => sp.GetRequiredService<TeamsConnector>());

        // Singletons keep their clients, so handlers are never recycled; PooledConnectionLifetime picks up DNS
        // changes. No redirects: a bearer token must never follow one to another host.
        static SocketsHttpHandler Handler() => new() { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        services.AddHttpClient(SigningKeysClient, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(Handler).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        // One key cache per issuer kind, each with its own metadata: the authenticator takes them by key.
        services.AddKeyedSingleton(TeamsTokenIssuerKind.BotConnector, (sp, _) => SigningKeys(sp, TeamsTokenIssuerKind.BotConnector, o => o.OpenIdMetadataUrl));
        services.AddKeyedSingleton(TeamsTokenIssuerKind.Entra, (sp, _) => SigningKeys(sp, TeamsTokenIssuerKind.Entra, o => o.EntraOpenIdMetadataUrl));
        services.AddHttpClient<TeamsTokenProvider>(c => c.Timeout = TimeSpan.FromSeconds(20))
            .ConfigurePrimaryHttpMessageHandler(Handler).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient<TeamsConnectorClient>(c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(Handler).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }

    private static TeamsSigningKeys SigningKeys(IServiceProvider services, TeamsTokenIssuerKind kind, Func<TeamsOptions, string> metadataUrl)
    {
        var options = services.GetRequiredService<IOptions<TeamsOptions>>();
        return new TeamsSigningKeys(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(SigningKeysClient),
            kind,
            metadataUrl(options.Value),
            options,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<TeamsSigningKeys>>());
    }
}
