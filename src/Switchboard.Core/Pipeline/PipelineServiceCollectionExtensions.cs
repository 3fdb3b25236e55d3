using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Drafting;
using Switchboard.Core.Enrich;
using Switchboard.Core.Governance;
using Switchboard.Core.Handoff;
using Switchboard.Core.Ingest;
using Switchboard.Core.Measuring;
using Switchboard.Core.Review.Moderation;
using Switchboard.Core.Review;
using Switchboard.Core.Routing;
using Switchboard.Core.Routing.Sla;
using Switchboard.Core.Sending;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the message pipeline (every stage) with routing, drafting and governance, the review actions, the outbox sender and the front
    /// door. Storage, connectors and the triage engine are registered by their own Add* methods; a
    /// keyword triage engine and the built-in card composer are the fallbacks when none is registered.
    /// </summary>
    public static IServiceCollection AddSwitchboardPipeline(this IServiceCollection services, bool runWorkers = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddCaseRouting();
        services.AddDrafting();
        services.AddGovernance();
        services.AddModeration();
        services.AddZendeskHandoff();
        services.AddSingleton<TicketHandoffDelivery>();
        services.AddMetrics();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);

        services.TryAddSingleton<ITriageEngine, KeywordTriageEngine>();
        services.TryAddSingleton<ICardComposer, BuiltInCardComposer>();
        services.AddSingleton<ConnectorRegistry>();

        services.TryAddSingleton<Analytics.CsatRecorder>();
        services.AddSingleton<IngestStep>();
        services.AddSingleton<EnrichStep>();
        services.AddSingleton<TriageStep>();
        services.AddSingleton<RouteStep>();
        services.AddSingleton<DraftStep>();
        services.AddSingleton<ReviewCardOutbox>();
        services.AddSingleton<IncidentFolding>();
        services.AddSingleton<ReviewStep>();
        services.AddSingleton<SendStep>();
        services.AddSingleton<CaseSlaClock>();
        services.AddSingleton<SlaMonitor>();
        services.AddSingleton<MeasureStep>();
        services.AddSingleton<MessagePipeline>();
        services.AddSingleton<PipelineRunner>();
        services.AddSingleton<PipelineSignal>();

        services.AddSingleton<ReviewActionService>();
        services.AddSingleton<CaseLinkService>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<InboundSink>();
        services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<InboundSink>());

        if (runWorkers)
        {
            services.AddHostedService<PipelineWorker>();
            services.AddHostedService<OutboxWorker>();
            services.AddHostedService<SlaWorker>();
        }

        return services;
    }
}
