using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Core.Domain;

namespace Switchboard.Core.Cards;

/// <summary>
/// Builds the data document the review (and incident) card templates expand: the case, the customer's
/// message or transcript, the draft, the action tokens, the outcome once someone acted, and for campaign-tagged
/// messages the campaign facts (promo codes, terms, disclosure).
/// </summary>
public static class ReviewCardData
{
    public static JsonObject Build(
        CaseRecord c,
        StoredMessage? latest,
        IReadOnlyList<string> reasons,
        int clusterSize,
        IReadOnlyDictionary<string, string>? actionTokens,
        string? outcome,
        DateTimeOffset now,
        JsonObject? campaign = null)
    {
        var actions = new JsonObject();
        foreach (var (action, token) in actionTokens ?? new Dictionary<string, string>())
        {
            actions[action] = token;
        }

        var data = new JsonObject
        {
            ["case"] = new JsonObject
            {
                ["id"] = c.Id,
                ["version"] = c.Version,
                ["status"] = c.Status.ToWire(),
                ["platform"] = c.Platform,
                ["connector"] = c.Connector,
                ["isPublic"] = c.ReplyIsPublic,
                ["customerHandle"] = c.CustomerHandle ?? "(unknown)",
                ["intent"] = c.Intent ?? "unknown",
                ["confidence"] = Math.Round(c.Confidence ?? 0, 2),
                ["severity"] = c.Severity ?? "normal",
                ["owner"] = c.OwnerTeam ?? "unassigned",
                ["slaDueAt"] = c.FirstResponseDueAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["slaText"] = SlaText(c, now),
                ["clusterSize"] = clusterSize,
                ["reasons"] = new JsonArray(reasons.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
                ["needsHuman"] = c.NeedsHuman,
                ["language"] = c.Language ?? "und",
            },
            ["message"] = new JsonObject
            {
                ["text"] = latest?.EffectiveText ?? string.Empty,
                ["isTranscript"] = latest?.Transcript is not null,
                ["durationSeconds"] = latest?.Message.Attachments.FirstOrDefault(a => a.IsVoice)?.DurationSeconds,
                ["receivedAt"] = latest?.Message.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
            ["draft"] = new JsonObject { ["text"] = c.DraftText ?? string.Empty },
            ["actions"] = actions,
            ["outcome"] = outcome is null ? null : new JsonObject { ["text"] = outcome },
        };
        if (campaign is not null)
        {
            // Only for campaign-tagged cases: promo-code facts, offer terms, disclosure flag (CampaignReviewFacts).
            data["campaign"] = campaign;
        }

        return data;
    }

    public static string SlaText(CaseRecord c, DateTimeOffset now)
    {
        if (c.FirstRespondedAt is not null)
        {
            return "first response sent";
        }

        if (c.FirstResponseDueAt is not { } due)
        {
            return "no SLA";
        }

        var left = due - now;
        return left >= TimeSpan.Zero
            ? $"first response due in {Humanize(left)}"
            : $"first response overdue by {Humanize(-left)}";
    }

    private static string Humanize(TimeSpan span) =>
        span.TotalMinutes < 90 ? $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} min" : $"{span.TotalHours:0.#} h";
}
