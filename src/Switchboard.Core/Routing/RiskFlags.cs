using System.Text.RegularExpressions;

namespace Switchboard.Core.Routing;

/// <summary>
/// The case flags the matrix's triggers and overrides match on. Routing derives <see cref="Vip"/>,
/// <see cref="Traction"/>, <see cref="Cluster"/> and <see cref="Public"/> from the facts; <see cref="Legal"/> and
/// <see cref="Safety"/> come from <see cref="Detect"/> over the message text (or from triage, when it sets them).
/// </summary>
public static partial class RiskFlags
{
    public const string Vip = "vip";
    public const string Traction = "traction";
    public const string Legal = "legal";
    public const string Safety = "safety";
    public const string Cluster = "cluster";
    public const string Public = "public";

    public static readonly IReadOnlyList<string> All = [Vip, Traction, Legal, Safety, Cluster, Public];

    /// <summary>Legal and safety triggers in a text. Deliberately conservative word lists: a miss costs a slower escalation, a false hit a human look.</summary>
    public static IReadOnlyList<string> Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var flags = new List<string>(2);
        if (LegalPattern().IsMatch(text))
        {
            flags.Add(Legal);
        }

        if (SafetyPattern().IsMatch(text))
        {
            flags.Add(Safety);
        }

        return flags;
    }

    [GeneratedRegex(@"\b(lawyers?|attorneys?|sue|suing|lawsuit|class action|legal action|small claims|take (you|them|this) to court|regulator|ombudsman|FTC|FCC|BBB|attorney general|GDPR complaint)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegalPattern();

    [GeneratedRegex(@"\b(kill|suicide|self[- ]harm|threat(en)?(ed|ing|s)?|bomb|weapon|doxx?(ed|ing)?|stalk(ing|er)?|assault|injur(y|ed|ies)|fire|smoke|overheat(ed|ing|s)?|explod(e|ed|ing)|child abuse)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SafetyPattern();
}
