using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Triage;

public static class TriageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITriageEngine"/> (the trained engine: model, rules, personal data, language,
    /// clustering) as a singleton, with <see cref="TriageOptions"/> bound from "Switchboard:Triage" and validated at start.
    /// </summary>
    public static IServiceCollection AddTriage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TriageOptions>()
            .BindConfiguration(TriageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TriageOptions>, TriageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITriageEngine>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TriageOptions>>().Value;
            var engine = TriageEngineFactory.Create(options, sp.GetRequiredService<TimeProvider>());
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger("Switchboard.Triage");
            if (logger is not null && engine is TriageEngine triage)
            {
                logger.TriageEngineReady(triage.ModelVersion, options.ModelPath is null ? "embedded" : "file", triage.RulesVersion, triage.RuleCount);
            }

            return engine;
        });
        return services;
    }
}
