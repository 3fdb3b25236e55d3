using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Rendering;
using Switchboard.Core.Cards.Rendering.Discord;
using Switchboard.Core.Cards.Rendering.Playground;
using Switchboard.Core.Cards.Rendering.Slack;
using Switchboard.Core.Cards.Rendering.Telegram;
using Switchboard.Core.Cards.Rendering.Teams;

namespace Switchboard.Core.Cards;

public static class CardsServiceCollectionExtensions
{
    /// <summary>
    /// Card templates, the composer (as <see cref="ICardComposer"/> too), and every surface renderer in Core (Teams,
    /// Discord, Slack, playground), so the CLI can render any surface without a connector configured;
    /// <see cref="CardSurfaceRenderers"/> finds them all, including ones connectors add.
    /// </summary>
    public static IServiceCollection AddCards(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions<CardsOptions>()
            .BindConfiguration(CardsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardsOptions>, CardsOptionsValidator>());
        services.TryAddSingleton<CardTemplates>();
        services.TryAddSingleton<CardComposer>();
        // The templates replace the pipeline's built-in composer, whichever of AddCards and AddSwitchboardPipeline runs first.
        services.Replace(ServiceDescriptor.Singleton<ICardComposer>(sp => sp.GetRequiredService<CardComposer>()));
        services.TryAddSingleton<CardSurfaceRenderers>();
        services.TryAddSingleton<TeamsCardRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSurfaceRenderer, TeamsCardRenderer>(sp => sp.GetRequiredService<TeamsCardRenderer>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSurfaceRenderer, DiscordCardRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSurfaceRenderer, PlaygroundCardRenderer>());

        // Registered the way AddSlackConnector does, so either call order yields one Slack renderer.
        services.TryAddSingleton<SlackCardRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSurfaceRenderer, SlackCardRenderer>(sp => sp.GetRequiredService<SlackCardRenderer>()));

        // Registered the way AddTelegramConnector does, so either call order yields one Telegram renderer.
        services.TryAddSingleton<TelegramCardRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardSurfaceRenderer, TelegramCardRenderer>());
        return services;
    }
}
