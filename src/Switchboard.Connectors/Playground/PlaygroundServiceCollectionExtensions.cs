using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Core.Connectors;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.Connectors.Playground;

public static class PlaygroundServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local playground connector (the embedded default channel for cards and replies) and its
    /// simulated <see cref="IChatModerator"/>, which posts moderation notices into the channel.
    /// </summary>
    public static IServiceCollection AddPlaygroundConnector(this IServiceCollection services)
    {
        services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PlaygroundConnector>();
        services.AddSingleton<IChatConnector>(sp => sp.GetRequiredService<PlaygroundConnector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatModerator, PlaygroundChatModerator>());
        return services;
    }
}
