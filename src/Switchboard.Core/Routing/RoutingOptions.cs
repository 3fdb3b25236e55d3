using System.ComponentModel.DataAnnotations;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Routing;

/// <summary>Teams, their review channels, and the per-intent routing rules.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Switchboard:Routing";

    /// <summary>Team name → its review channels. Default: every team reviews in its own playground channel.</summary>
    public Dictionary<string, TeamOptions> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["support"] = TeamOptions.Playground("team-support"),
        ["finance"] = TeamOptions.Playground("team-finance"),
        ["engineering"] = TeamOptions.Playground("team-engineering"),
        ["trust_safety"] = TeamOptions.Playground("team-trust-safety"),
        ["comms"] = TeamOptions.Playground("team-comms"),
        ["campaign_ops"] = TeamOptions.Playground("team-campaign-ops"),
    };

    /// <summary>Intent → rule. Defaults follow common social-care practice (see README, escalation matrix).</summary>
    public Dictionary<string, IntentRouteOptions> Intents { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Triage.Intents.TrustSafety] = new() { Owner = "trust_safety", FirstResponseMinutes = 15, ResolutionHours = 8, HumanRequired = true, PublicMode = "warn_and_collect_evidence", EscalationPath = ["comms"] },
        [Triage.Intents.Billing] = new() { Owner = "finance", FirstResponseMinutes = 60, ResolutionHours = 48, HumanRequired = true, PublicMode = "acknowledge_and_move_to_dm", EscalationPath = ["finance"] },
        [Triage.Intents.OrderStatus] = new() { Owner = "support", FirstResponseMinutes = 60, ResolutionHours = 48, AutoSendAtConfidence = 0.9, PublicMode = "acknowledge_and_move_to_dm", EscalationPath = ["support"] },
        [Triage.Intents.PreSales] = new() { Owner = "support", FirstResponseMinutes = 120, ResolutionHours = 24, AutoSendAtConfidence = 0.9, PublicMode = "acknowledge_and_move_to_dm", EscalationPath = ["support"] },
        [Triage.Intents.ProductIssue] = new() { Owner = "support", FirstResponseMinutes = 120, ResolutionHours = 72, PublicMode = "acknowledge_and_move_to_dm", EscalationPath = ["engineering"] },
        [Triage.Intents.Outage] = new() { Owner = "engineering", FirstResponseMinutes = 30, ResolutionHours = 24, HumanRequired = true, PublicMode = "status_reply", EscalationPath = ["engineering", "comms"] },
        [Triage.Intents.Account] = new() { Owner = "support", FirstResponseMinutes = 60, ResolutionHours = 48, PublicMode = "acknowledge_and_move_to_dm", EscalationPath = ["trust_safety"] },
        [Triage.Intents.PromoCampaign] = new() { Owner = "campaign_ops", FirstResponseMinutes = 60, ResolutionHours = 24, PublicMode = "acknowledge_and_move_to_dm", EscalationPath = ["campaign_ops"] },
        [Triage.Intents.ReputationRisk] = new() { Owner = "comms", FirstResponseMinutes = 30, ResolutionHours = 24, HumanRequired = true, PublicMode = "hold_for_review", EscalationPath = ["comms"] },
        [Triage.Intents.Feedback] = new() { Owner = "support", FirstResponseMinutes = 240, ResolutionHours = 72, AutoSendAtConfidence = 0.85, PublicMode = "acknowledge_and_move_to_dm", EscalationPath = ["support"] },
        [Triage.Intents.Noise] = new() { Owner = "support", FirstResponseMinutes = 1440, ResolutionHours = 72, PublicMode = "hold_for_review", EscalationPath = ["support"] },
    };
}

public sealed class TeamOptions
{
    [MinLength(1)]
    public List<ChannelOptions> Channels { get; set; } = [];

    public static TeamOptions Playground(string channel) => new() { Channels = [new ChannelOptions { Connector = "playground", Channel = channel }] };
}

public sealed class ChannelOptions
{
    [Required]
    public string Connector { get; set; } = "playground";

    [Required]
    public string Channel { get; set; } = string.Empty;
}

public sealed class IntentRouteOptions
{
    [Required]
    public string Owner { get; set; } = "support";

    [Range(1, 100_000)]
    public int FirstResponseMinutes { get; set; } = 60;

    [Range(1, 10_000)]
    public int ResolutionHours { get; set; } = 48;

    /// <summary>True: a person always approves (refunds, legal, safety, outage wording, reputation risk).</summary>
    public bool HumanRequired { get; set; }

    /// <summary>Auto-send at or above this confidence when no human is required; null means never.</summary>
    [Range(0.0, 1.0)]
    public double? AutoSendAtConfidence { get; set; }

    public string PublicMode { get; set; } = "acknowledge_and_move_to_dm";

    public List<string> EscalationPath { get; set; } = [];
}
