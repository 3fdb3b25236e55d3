namespace Switchboard.Core.Triage;

/// <summary>What triage needs to know about one message.</summary>
public sealed record TriageRequest(
    string Id,
    string Text,
    string? Platform = null,
    bool? IsPublic = null,
    string? Author = null,
    DateTimeOffset? Timestamp = null,
    long? AuthorFollowers = null);

/// <summary>
/// Triage's decision for one message, with its confidence and the human-readable reasons behind it.
/// </summary>
/// <param name="Intent">One of <see cref="Intents.All"/>.</param>
/// <param name="Severity">One of <see cref="Severities.All"/>.</param>
/// <param name="Confidence">0..1: the model's probability for the intent, or 1 for a rule that forced it.</param>
/// <param name="Language">ISO 639-1 code, or "und".</param>
/// <param name="Pii">Personal data found, as spans over the text (UTF-16 offsets, end exclusive).</param>
/// <param name="ClusterId">The incident cluster this message joined, or null.</param>
/// <param name="ClusterSize">Members of that cluster so far, this one included (0 without a cluster).</param>
/// <param name="NeedsHuman">True when a person must tag or approve (low confidence, a sensitive rule, …).</param>
/// <param name="Reasons">Why: which rule fired or which words drove the model.</param>
/// <param name="DecidedBy">The model version and rule ids that made the decision, for the audit log.</param>
public sealed record TriageResult(
    string Intent,
    string Severity,
    double Confidence,
    string Language,
    IReadOnlyList<PiiSpan> Pii,
    string? ClusterId,
    int ClusterSize,
    bool NeedsHuman,
    IReadOnlyList<string> Reasons,
    string DecidedBy)
{
    /// <summary>True for the message that made a cluster reach its threshold: it opens the incident.</summary>
    public bool OpensCluster { get; init; }

    /// <summary>
    /// Only on the message that opens a cluster: the request ids of the cluster's earlier members still inside the
    /// window (at most threshold - 1, oldest first). Their cases can be folded into the incident. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> EarlierMembers { get; init; } = [];

    /// <summary>Owner team a rule requires (e.g. trust-safety for threats), or null to let routing decide.</summary>
    public string? ForcedOwner { get; init; }
}

/// <summary>A span of personal data in a text.</summary>
public sealed record PiiSpan(string Type, int Start, int End);

public static class Intents
{
    public const string Billing = "billing";
    public const string OrderStatus = "order_status";
    public const string ProductIssue = "product_issue";
    public const string Outage = "outage";
    public const string TrustSafety = "trust_safety";
    public const string Account = "account";
    public const string PreSales = "pre_sales";
    public const string PromoCampaign = "promo_campaign";
    public const string ReputationRisk = "reputation_risk";
    public const string Feedback = "feedback";
    public const string Noise = "noise";

    public static readonly IReadOnlyList<string> All =
    [
        Billing, OrderStatus, ProductIssue, Outage, TrustSafety, Account,
        PreSales, PromoCampaign, ReputationRisk, Feedback, Noise,
    ];

    public static bool IsKnown(string intent) => All.Contains(intent);
}

public static class Severities
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Critical];

    public static int Rank(string severity) => severity switch
    {
        Low => 0,
        Normal => 1,
        High => 2,
        Critical => 3,
        _ => 1,
    };

    public static string Max(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    public static string Raise(string severity) => severity switch
    {
        Low => Normal,
        Normal => High,
        _ => Critical,
    };
}
