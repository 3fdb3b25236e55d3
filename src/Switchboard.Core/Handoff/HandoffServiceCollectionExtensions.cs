using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITicketHandoff"/> as the Zendesk implementation on a typed HttpClient. Create is a POST and
    /// not idempotent, so no automatic retry is added here: the caller retries <see cref="TicketHandoffException.IsRetryable"/> failures.
    /// </summary>
    public static IServiceCollection AddZendeskHandoff(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ZendeskOptions>()
            .BindConfiguration(ZendeskOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZendeskOptions>, ZendeskOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<ITicketHandoff, ZendeskTicketHandoff>((sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ZendeskOptions>>().Value.TimeoutSeconds));
        return services;
    }
}
