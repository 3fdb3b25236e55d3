using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Core.Domain;
using Switchboard.Core.Routing.Sla;

namespace Switchboard.Core.Cards;

/// <summary>Builds the data document cards/sla.json expands: the case, the SLA clock that warned or breached, and its actions.</summary>
public static class SlaCardData
{
    /// <param name="escalateToken">The action token of the card's Escalate button; null hides the button.</param>
    /// <param name="outcome">"Escalated by @dana at 14:06" once someone acted: the card shows it and drops its actions.</param>
    public static JsonObject Build(CaseRecord c, SlaAlert alert, string? escalateToken = null, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(alert);
        var caseData = new JsonObject
        {
            ["id"] = c.Id,
            ["customerHandle"] = c.CustomerHandle ?? "(unknown)",
            ["platform"] = c.Platform,
            ["intent"] = c.Intent ?? "unknown",
            ["severity"] = c.Severity ?? "normal",
            ["owner"] = c.OwnerTeam ?? "unassigned",
        };
        if (c.Assignee is { } assignee)
        {
            caseData["assignee"] = assignee;
        }

        var breach = alert.Kind == SlaAlertKind.Breach;
        var actions = new JsonObject();
        if (escalateToken is not null)
        {
            actions["escalate"] = escalateToken;
        }

        return new JsonObject
        {
            ["case"] = caseData,
            ["sla"] = new JsonObject
            {
                ["state"] = breach ? "breach" : "warning",
                ["target"] = alert.Clock == SlaClockKinds.FirstResponse ? "First response" : "Resolution",
                ["text"] = breach ? $"overdue by {Humanize(alert.RaisedAt - alert.DueAt)}" : $"due in {Humanize(alert.DueAt - alert.RaisedAt)}",
                ["dueAt"] = alert.DueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["notify"] = string.Join(", ", alert.NotifyTeams),
            },
            ["actions"] = actions,
            ["outcome"] = outcome is null ? null : new JsonObject { ["text"] = outcome },
        };
    }

    private static string Humanize(TimeSpan span)
    {
        var minutes = Math.Max(1, (int)Math.Round(Math.Abs(span.TotalMinutes)));
        return minutes < 90
            ? minutes.ToString(CultureInfo.InvariantCulture) + " min"
            : (minutes / 60d).ToString("0.#", CultureInfo.InvariantCulture) + " h";
    }
}
