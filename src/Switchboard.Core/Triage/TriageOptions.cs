using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Triage;

/// <summary>Triage settings (section "Switchboard:Triage").</summary>
public sealed class TriageOptions
{
    public const string Section = "Switchboard:Triage";

    /// <summary>Trained model file (`switchboard train --out`). Default: null, the model shipped in the assembly (models/triage-model.bin).</summary>
    public string? ModelPath { get; set; }

    /// <summary>Rules file. Default: null, the rules shipped in the assembly (config/triage-rules.yaml).</summary>
    public string? RulesPath { get; set; }

    /// <summary>Below this model confidence the message is marked for a human to tag (default 0.4).</summary>
    [Range(0.0, 1.0)]
    public double AbstainBelow { get; set; } = 0.4;

    /// <summary>
    /// Below this confidence a noise verdict is not trusted to filter the message: it stays "noise" but
    /// NeedsHuman is set, so a person sees it (default 0.85, chosen on the dev split: filtered-noise precision 0.89 there, 0.84 at 0.6). Filtering a real complaint is the expensive mistake.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NoiseMinConfidence { get; set; } = 0.85;

    /// <summary>Similar reports needed inside the window to open an incident cluster (default 5).</summary>
    [Range(2, 100_000)]
    public int ClusterThreshold { get; set; } = 5;

    /// <summary>Sliding window for clustering, in minutes of message time (default 10).</summary>
    [Range(0.1, 1440.0)]
    public double ClusterWindowMinutes { get; set; } = 10;

    /// <summary>Estimated Jaccard similarity of content words for two reports to count as the same (default 0.3).</summary>
    [Range(0.05, 1.0)]
    public double ClusterSimilarity { get; set; } = 0.3;

    /// <summary>Most messages kept in the window, whatever their age, to bound memory (default 50,000).</summary>
    [Range(100, 10_000_000)]
    public int ClusterMaxWindowMessages { get; set; } = 50_000;

    /// <summary>
    /// Intents that can form incident clusters. Default: null, meaning <see cref="DefaultClusterIntents"/>
    /// (a list default would be appended to, not replaced, by configuration binding).
    /// </summary>
    public List<string>? ClusterIntents { get; set; }

    /// <summary>
    /// Cluster outage reports by what they say is broken (a feature, or the service as a whole) instead of by
    /// near-duplicate wording, so a surge of varied paraphrases becomes one incident (default true).
    /// </summary>
    public bool ClusterOutageByTerms { get; set; } = true;

    /// <summary>
    /// Features an outage report can name, each with the words that name it; reports about different features
    /// make different incidents. Default: null, meaning <see cref="DefaultClusterOutageFeatures"/>.
    /// </summary>
    public Dictionary<string, List<string>>? ClusterOutageFeatures { get; set; }

    /// <summary>
    /// Words that place a report the model called outage, naming no feature, with the service as a whole
    /// (app, site, server, error, broken…). Default: null, meaning <see cref="DefaultClusterOutageServiceWords"/>.
    /// </summary>
    public List<string>? ClusterOutageServiceWords { get; set; }

    /// <summary>
    /// Words that mark a report as about an outage whatever intent the model gave it (down, offline, 503…): such
    /// a report of any clustered intent that also names a feature or a service word is grouped with the outage
    /// reports. Default: null, meaning <see cref="DefaultClusterOutageWords"/>.
    /// </summary>
    public List<string>? ClusterOutageWords { get; set; }

    /// <summary>Built-in features for outage clustering: login, checkout, delivery tracking, search, messaging, notifications, streaming, uploads.</summary>
    public static IReadOnlyDictionary<string, List<string>> DefaultClusterOutageFeatures { get; } = new Dictionary<string, List<string>>(StringComparer.Ordinal)
    {
        ["login"] = ["login", "logon", "log", "logging", "signin", "sign", "signing", "password", "2fa", "otp", "auth", "authentication"],
        ["checkout"] = ["checkout", "cart", "basket", "payment", "pay", "paying"],
        ["tracking"] = ["tracking", "track", "tracker", "delivery", "parcel", "package", "shipment", "courier"],
        ["search"] = ["search", "searching"],
        ["messaging"] = ["chat", "dm", "dms", "inbox", "messaging"],
        ["notifications"] = ["notification", "notifications", "push"],
        ["streaming"] = ["stream", "streaming", "video", "playback"],
        ["uploads"] = ["upload", "uploading", "uploads"],
    };

    /// <summary>Built-in words that tie an outage report to the service as a whole.</summary>
    public static IReadOnlyList<string> DefaultClusterOutageServiceWords { get; } =
    [
        "app", "site", "website", "web", "server", "service", "system", "platform", "store", "page",
        "crash", "crashed", "crashing", "error", "broken", "connect", "connection", "spinning", "spins", "blank",
        "working", "work", "works", "open", "reach",
    ];

    /// <summary>Built-in outage words: strong enough to count a report of any clustered intent as an outage report.</summary>
    public static IReadOnlyList<string> DefaultClusterOutageWords { get; } =
    [
        "down", "outage", "offline", "unavailable", "unreachable", "timeout", "load", "loading",
        "500", "502", "503", "504",
    ];

    /// <summary>Every intent but noise, feedback and pre_sales: the ones a surge of reports can be about.</summary>
    public static IReadOnlyList<string> DefaultClusterIntents { get; } =
    [
        Intents.Outage, Intents.ProductIssue, Intents.TrustSafety, Intents.Billing, Intents.OrderStatus,
        Intents.Account, Intents.PromoCampaign, Intents.ReputationRisk,
    ];
}
