using System.Globalization;
using Switchboard.Core.Cards;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// Parses and answers the campaign chat commands, the same on every platform:
/// <c>/campaign factsheet NAME</c>, <c>/campaign start NAME</c>, <c>/campaign status NAME</c>, <c>/campaign list</c>, and
/// <c>/staffing --messages N --handle-minutes M --buffer B --productive-hours H [--reach R] [--question-rate Q] [--campaign NAME]</c>.
/// Connectors call <see cref="HandleAsync"/> with the raw text; <see cref="PostReplyAsync"/> delivers the answer card via the outbox.
/// </summary>
public sealed class CampaignCommands(CampaignCatalog catalog, LaunchRunService runs, ICampaignStore store, ICardComposer composer, Sending.OutboxSignal outboxSignal, TimeProvider time, int goLiveWindowHours = 6)
{
    public const string Usage = "Commands: /campaign factsheet NAME · /campaign start NAME · /campaign status NAME · /campaign report NAME · /campaign list · /staffing --messages N --handle-minutes M --buffer B --productive-hours H [--reach R] [--question-rate Q] [--campaign NAME]";

    public static bool IsCommand(string text) =>
        text.TrimStart().StartsWith("/campaign", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith("/staffing", StringComparison.OrdinalIgnoreCase);

    public async Task<CampaignCommandReply> HandleAsync(CampaignCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = command.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new(false, Usage, null);
        }

        var verb = words[0].TrimStart('/').ToLowerInvariant();
        if (verb == "staffing")
        {
            return Staffing(words[1..]);
        }

        if (verb != "campaign" || words.Length < 2)
        {
            return new(false, Usage, null);
        }

        var sub = words[1].ToLowerInvariant();
        if (sub == "list")
        {
            var names = catalog.All.Select(c => (c.Name, string.Create(CultureInfo.InvariantCulture, $"{c.Title}, go-live {c.GoLive:yyyy-MM-dd HH:mm} UTC")));
            return Card(CardKinds.Kpi, CampaignCardData.Kpi("Campaigns", names));
        }

        if (words.Length < 3)
        {
            return new(false, $"Name the campaign: /campaign {sub} NAME. {Usage}", null);
        }

        if (catalog.Find(words[2]) is not { } campaign)
        {
            return new(false, $"No campaign '{words[2]}'. Known: {string.Join(", ", catalog.All.Select(c => c.Name))}", null);
        }

        var now = time.GetUtcNow();
        switch (sub)
        {
            case "factsheet":
                return Card(CardKinds.Factsheet, CampaignCardData.Factsheet(campaign, now));
            case "start":
                var run = await runs.StartAsync(campaign, command.Reviewer, command.Channel, cancellationToken);
                return new(true, $"Launch run {run.Id} started for {campaign.Name}", runs.ChecklistCard(campaign, run, now), Queued: true);
            case "status":
                var latest = await store.FindLatestRunAsync(campaign.Name, cancellationToken);
                if (latest is null)
                {
                    return new(false, $"{campaign.Name} has no launch run yet: /campaign start {campaign.Name}", null);
                }

                var done = latest.Tasks.Count(t => t.State == LaunchTaskStates.Done);
                var blocked = latest.Tasks.Count(t => t.State == LaunchTaskStates.Blocked);
                var statusCard = runs.ChecklistCard(campaign, latest, now, string.Create(CultureInfo.InvariantCulture, $"Status: {done} of {latest.Tasks.Count} done, {blocked} blocked"));
                return new(true, statusCard.FallbackText, statusCard);
            case "report":
                return await ReportAsync(campaign, now, cancellationToken);
            default:
                return new(false, Usage, null);
        }
    }

    /// <summary>The KPI snapshot card: the report's headline figures for the default window (so far, while it is open).</summary>
    private async Task<CampaignCommandReply> ReportAsync(Campaign campaign, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = CampaignVerbs.DefaultWindow(campaign, goLiveWindowHours);
        if (now < until)
        {
            until = now > from ? now : from;
        }

        var report = CampaignReportBuilder.Build(campaign, from, until, await store.ReadReportDataAsync(campaign.Name, from, until, cancellationToken), now);
        var c = CultureInfo.InvariantCulture;
        var facts = new List<(string, string)>
        {
            ("Window", string.Create(c, $"{report.From:yyyy-MM-dd HH:mm} to {report.Until:yyyy-MM-dd HH:mm} UTC")),
            ("Messages", string.Create(c, $"{report.Messages} ({report.TaggedMessages} tagged)")),
            ("Cases", string.Create(c, $"{report.Cases} opened, {report.ResolvedCases} resolved")),
            ("Top issues", string.Join(", ", report.TopIssues.Take(3).Select(i => string.Create(c, $"{i.Issue} {i.Count}")))),
            ("First response", report.FirstResponseMedianMinutes is { } frt ? string.Create(c, $"median {frt:0.#} min") : "n/a"),
            ("SLA adherence", report.SlaAdherence is { } sla ? string.Create(c, $"{sla * 100:0.#} % ({report.SlaMet} of {report.SlaMeasured})") : "n/a"),
            ("Promo codes", string.Join("; ", report.PromoCodeIssues.Select(p => string.Create(c, $"{p.Code}: {p.Mentions} messages")))),
            ("Clarifications pinned", report.ClarificationsPinned.Count.ToString(c)),
        };
        facts.AddRange(report.Roi.Select(r => (r.Metric, string.Create(c, $"{r.Value:0.####} {report.Currency}"))));
        return Card(CardKinds.Kpi, CampaignCardData.Kpi($"KPI snapshot: {campaign.Title}", facts, campaign.Name));
    }

    /// <summary>Handles the command and queues its card for the command's channel (unless already queued); returns the reply.</summary>
    public Task<CampaignCommandReply> PostReplyAsync(CampaignCommand command, CancellationToken cancellationToken) =>
        PostReplyAsync(command, postFailures: true, cancellationToken);

    /// <param name="postFailures">
    /// False: a command that failed (usage, unknown campaign) queues nothing; the caller shows <see cref="CampaignCommandReply.Text"/>
    /// to the issuer alone (Slack and Discord ephemeral messages, a reply on Telegram and Teams).
    /// </param>
    public async Task<CampaignCommandReply> PostReplyAsync(CampaignCommand command, bool postFailures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reply = await HandleAsync(command, cancellationToken);
        if (!reply.Ok && !postFailures)
        {
            return reply;
        }

        var card = reply.Card ?? composer.Compose(CardKinds.Kpi, CampaignCardData.Kpi(reply.Ok ? "Done" : "Command not understood", [("Reply", reply.Text)]));
        if (!reply.Queued)
        {
            await store.EnqueueAsync(LaunchRunService.Post(command.Channel, card), time.GetUtcNow(), cancellationToken);
            outboxSignal.Notify();
        }

        return reply;
    }

    private CampaignCommandReply Staffing(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i].TrimStart('-');
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[arg[..eq]] = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                values[arg] = args[++i];
            }
        }

        Campaign? campaign = null;
        if (values.TryGetValue("campaign", out var name) && (campaign = catalog.Find(name)) is null)
        {
            return new(false, $"No campaign '{name}'", null);
        }

        if (!TryNumber(values, "messages", out var messages) || !TryNumber(values, "handle-minutes", out var handle)
            || !TryNumber(values, "buffer", out var buffer) || !TryNumber(values, "productive-hours", out var hours))
        {
            return new(false, "Usage: /staffing --messages 2400 --handle-minutes 4 --buffer 0.25 --productive-hours 30 [--reach 500000] [--question-rate 0.002] [--campaign NAME]", null);
        }

        // Reach from the flag, else the factsheet's largest single post (each post peaks on its own).
        var reach = TryNumber(values, "reach", out var r) ? (long)r : campaign?.Schedule.Select(p => p.ExpectedReach).DefaultIfEmpty(0).Max() ?? 0;
        var inputs = new StaffingInputs(messages, handle, buffer > 1 ? buffer / 100 : buffer, hours, reach);
        if (TryNumber(values, "question-rate", out var rate))
        {
            inputs = inputs with { QuestionRateLow = Math.Min(rate, inputs.QuestionRateLow), QuestionRateHigh = rate };
        }

        try
        {
            var plan = StaffingCalculator.Calculate(inputs);
            return Card(CardKinds.Kpi, CampaignCardData.Kpi("Staffing", StaffingExplanation.Steps(plan), campaign?.Name));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return new(false, ex.Message, null);
        }
    }

    private static bool TryNumber(Dictionary<string, string> values, string key, out double value)
    {
        value = 0;
        return values.TryGetValue(key, out var text) && double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private CampaignCommandReply Card(string kind, System.Text.Json.Nodes.JsonObject data)
    {
        var card = composer.Compose(kind, data);

        // Templates may give a short fallback (the kpi template's is the title); the reply text carries the figures.
        var text = data["facts"] is System.Text.Json.Nodes.JsonArray facts
            ? string.Join("; ", facts.Select(f => $"{f?["title"]}: {f?["value"]}").Prepend(data["title"]?.ToString() ?? card.FallbackText))
            : card.FallbackText;
        return new(true, text, card);
    }
}
