using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Playground;

public static class PlaygroundServiceCollectionExtensions
{
    /// <summary>Registers the local playground connector (the embedded default channel for cards and replies).</summary>
    public static IServiceCollection AddPlaygroundConnector(this IServiceCollection services)
    {
        services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PlaygroundConnector>();
        services.AddSingleton<IChatConnector>(sp => sp.GetRequiredService<PlaygroundConnector>());
        return services;
    }
}
