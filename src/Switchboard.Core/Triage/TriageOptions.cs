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

    /// <summary>Every intent but noise, feedback and pre_sales: the ones a surge of reports can be about.</summary>
    public static IReadOnlyList<string> DefaultClusterIntents { get; } =
    [
        Intents.Outage, Intents.ProductIssue, Intents.TrustSafety, Intents.Billing, Intents.OrderStatus,
        Intents.Account, Intents.PromoCampaign, Intents.ReputationRisk,
    ];
}
