using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Core.Routing.Sla;

namespace Switchboard.Core.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the escalation matrix (validated at start), <see cref="Router"/> and <see cref="SlaEngine"/>.
    /// Not named AddRouting: ASP.NET Core's AddRouting on the same IServiceCollection would make the call ambiguous.
    /// </summary>
    public static IServiceCollection AddCaseRouting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RoutingOptions>()
            .BindConfiguration(RoutingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RoutingOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return RoutingConfigLoader.LoadFiles(
                ConfigFilePath.Resolve(options.MatrixPath, root),
                ConfigFilePath.Resolve(options.TeamsPath, root));
        });
        services.TryAddSingleton(sp => new Router(sp.GetRequiredService<RoutingConfiguration>()));
        services.TryAddSingleton(sp => new SlaEngine(
            sp.GetRequiredService<RoutingConfiguration>().Teams,
            sp.GetRequiredService<IOptions<RoutingOptions>>().Value.SlaWarningLead));
        return services;
    }
}
