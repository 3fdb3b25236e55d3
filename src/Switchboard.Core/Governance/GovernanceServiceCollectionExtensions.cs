using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Core.Routing;

namespace Switchboard.Core.Governance;

public static class GovernanceServiceCollectionExtensions
{
    /// <summary>Registers the role catalog (validated at start, cross-checked with the matrix), <see cref="ActionAuthorizer"/> and <see cref="ActorDirectory"/>.</summary>
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GovernanceOptions>()
            .BindConfiguration(GovernanceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RoutingOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GovernanceOptions>, GovernanceOptionsValidator>());
        services.TryAddSingleton(sp => RoleCatalogLoader.LoadFile(ConfigFilePath.Resolve(
            sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.RolesPath,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.TryAddSingleton(sp => new ActionAuthorizer(sp.GetRequiredService<RoleCatalog>()));
        services.TryAddSingleton<ActorDirectory>();
        return services;
    }
}
