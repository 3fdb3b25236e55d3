using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// Pipeline step for go-live monitoring, meant to run after draft and before review. For a message tagged to a
/// campaign it records a campaign.tagged event (codes with their facts, handles, landing page, go-live window); a
/// message naming a promo code goes to campaign ops (<see cref="CampaignOpsTeam"/>) when the matrix sent it elsewhere;
/// a message matching an approved answer gets that answer as its draft (still sent for approval by the review step);
/// and a creator post lacking the disclosure wording gets a campaign.disclosure_missing event.
/// </summary>
public sealed class CampaignStep(CampaignMonitor monitor) : IPipelineStep
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
        }

        await next(cancellationToken);
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
