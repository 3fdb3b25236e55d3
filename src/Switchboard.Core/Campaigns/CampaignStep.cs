using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// Pipeline step for go-live monitoring, meant to run after draft and before review. For a message tagged to a
/// campaign it records a campaign.tagged event (codes with their facts, handles, landing page, go-live window); a
/// message naming a promo code goes to campaign ops (<see cref="CampaignOpsTeam"/>) when the matrix sent it elsewhere;
/// a message matching an approved answer gets that answer as its draft (still sent for approval by the review step);
/// and a creator post lacking the disclosure wording gets a campaign.disclosure_missing event and, with a store, a flag card
/// for the campaign owner (the reminder channel, else the channel of the campaign's latest launch run), committed with the case.
/// </summary>
/// <param name="routing">When given, a case moved to campaign ops gets that team's review channels too, so its card lands there.</param>
public sealed class CampaignStep(
    CampaignMonitor monitor,
    ICampaignStore? store = null,
    ICardComposer? composer = null,
    IOptions<CampaignOptions>? options = null,
    ILogger<CampaignStep>? logger = null,
    Routing.RoutingConfiguration? routing = null) : IPipelineStep
{
    public const string CampaignOpsTeam = "campaign_ops";

    public string Name => "campaign";

    public async Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var message = context.Message.Message;
        if (context.Next is not null && monitor.Inspect(message.AuthorHandle, context.Message.EffectiveText, message.SentAt) is { } insight)
        {
            Apply(context, insight);
            if (routing is not null && context.Route is { } route && context.Next.OwnerTeam == CampaignOpsTeam && route.OwnerTeam != CampaignOpsTeam
                && routing.Teams.Teams.TryGetValue(CampaignOpsTeam, out var ops))
            {
                // The review card goes where the route says: follow the owner to campaign ops.
                context.Route = route with { OwnerTeam = CampaignOpsTeam, ReviewChannels = ops.ReviewChannels };
            }

            if (insight.DisclosureFlag is { } flag)
            {
                await FlagDisclosureAsync(context, insight.Campaign, flag, cancellationToken);
            }
        }

        await next(cancellationToken);
    }

    private async Task FlagDisclosureAsync(PipelineContext context, Campaign campaign, string flag, CancellationToken cancellationToken)
    {
        if (store is null || composer is null)
        {
            return;
        }

        var config = options?.Value;
        var owner = config is { ReminderConnector: { } connector, ReminderChannel: { } channel }
            ? new ChannelAddress(connector, channel)
            : (await store.FindLatestRunAsync(campaign.Name, cancellationToken))?.Channel;
        if (owner is null)
        {
            return;
        }

        var message = context.Message.Message;
        var text = context.Message.EffectiveText;
        var card = composer.Compose(CardKinds.Kpi, CampaignCardData.Kpi($"Disclosure missing: {campaign.Title}",
        [
            ("Creator", message.AuthorHandle ?? message.AuthorId),
            ("Where", $"{message.Platform} · {message.ChannelId} · case #{context.Case.Id}"),
            ("Problem", flag),
            ("Post", text.Length > 280 ? text[..280] + "…" : text),
        ], campaign.Name));
        context.Outbox.Add(LaunchRunService.Post(owner, card));
        if (logger is not null)
        {
            Log.DisclosureFlagged(logger, campaign.Name);
        }
    }

    internal static void Apply(PipelineContext context, CampaignInsight insight)
    {
        context.Events.Add(new CaseEventDraft("campaign.tagged", "system:campaign", JsonSerializer.Serialize(new
        {
            campaign = insight.Campaign.Name,
            codes = insight.PromoCodes.Select(f => new { code = f.Code, status = f.Status.ToString(), summary = f.Summary }),
            handles = insight.Tag?.Handles ?? [],
            landingPage = insight.Tag?.LandingPage ?? false,
            inGoLiveWindow = insight.InGoLiveWindow,
            answer = insight.Answer?.Question,
        })));
        if (insight.PromoCodes.Count > 0 && context.Next.OwnerTeam != CampaignOpsTeam)
        {
            context.Events.Add(new CaseEventDraft("route.assigned", "system:campaign",
                JsonSerializer.Serialize(new { from = context.Next.OwnerTeam, to = CampaignOpsTeam, reason = "promo code named" })));
            context.Next = context.Next with { OwnerTeam = CampaignOpsTeam };
        }

        if (insight.Answer is { } answer)
        {
            // Grounded in the factsheet's approved wording; the review step still decides whether it needs approval.
            context.Draft = answer.Answer;
        }

        if (insight.DisclosureFlag is { } flag)
        {
            context.Events.Add(new CaseEventDraft("campaign.disclosure_missing", "system:campaign", JsonSerializer.Serialize(new { campaign = insight.Campaign.Name, reason = flag })));
        }
    }
}
