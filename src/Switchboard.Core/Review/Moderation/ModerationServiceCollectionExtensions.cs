using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Review.Moderation;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ModerationService"/>, <see cref="ModerationCatalog"/>, <see cref="MemberReportDetector"/> and their options (<c>Switchboard:Moderation</c>). Platform moderators
    /// (<see cref="IChatModerator"/>) are added by their connectors' Add* methods when those are enabled; with none,
    /// cards show no moderation buttons and moderation verbs are refused clearly.
    /// </summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ModerationOptions>()
            .BindConfiguration(ModerationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModerationOptions>, ModerationOptionsValidator>());
        services.TryAddSingleton<ModerationCatalog>();
        services.TryAddSingleton<MemberReportDetector>();
        services.TryAddSingleton<ModerationService>();
        return services;
    }
}
