using System.Globalization;

namespace Switchboard.Core.Campaigns;

/// <summary>Writes the snapshot as Markdown (for people) or long-format CSV (section,metric,key,value) for spreadsheets.</summary>
public static class CampaignReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteMarkdown(CampaignReport r, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine(string.Create(Inv, $"# Post-launch report: {r.Title} ({r.Campaign})"));
        w.WriteLine();
        w.WriteLine(string.Create(Inv, $"Window: {r.From:yyyy-MM-dd HH:mm} to {r.Until:yyyy-MM-dd HH:mm} UTC. Messages: {r.Messages} ({r.TaggedMessages} tagged to the campaign). Cases opened: {r.Cases}, resolved: {r.ResolvedCases}."));
        w.WriteLine();
        w.WriteLine("## Volume by hour and platform");
        w.WriteLine();
        w.WriteLine("| Hour (UTC) | Platform | Messages | Tagged |");
        w.WriteLine("|---|---|---:|---:|");
        foreach (var (hour, platform, messages, tagged) in r.VolumeByHour)
        {
            w.WriteLine(string.Create(Inv, $"| {hour:yyyy-MM-dd HH}:00 | {platform} | {messages} | {tagged} |"));
        }

        w.WriteLine();
        w.WriteLine("## Top issues");
        w.WriteLine();
        w.WriteLine("| Intent | Cases |");
        w.WriteLine("|---|---:|");
        foreach (var (issue, count) in r.TopIssues)
        {
            w.WriteLine(string.Create(Inv, $"| {issue} | {count} |"));
        }

        w.WriteLine();
        w.WriteLine("| Approved question | Asked |");
        w.WriteLine("|---|---:|");
        foreach (var (question, count) in r.TopQuestions)
        {
            w.WriteLine(string.Create(Inv, $"| {question} | {count} |"));
        }

        w.WriteLine();
        w.WriteLine("## Response times and SLA");
        w.WriteLine();
        w.WriteLine(string.Create(Inv, $"- First response: median {Minutes(r.FirstResponseMedianMinutes)}, p90 {Minutes(r.FirstResponseP90Minutes)}"));
        w.WriteLine(string.Create(Inv, $"- Resolution: median {Minutes(r.ResolutionMedianMinutes)}"));
        w.WriteLine(string.Create(Inv, $"- SLA adherence (first response): {Percent(r.SlaAdherence)} ({r.SlaMet} of {r.SlaMeasured})"));
        w.WriteLine();
        w.WriteLine("## Promo codes");
        w.WriteLine();
        foreach (var (code, mentions, facts) in r.PromoCodeIssues)
        {
            w.WriteLine(string.Create(Inv, $"- {code}: {mentions} messages. {facts}"));
        }

        w.WriteLine();
        w.WriteLine(string.Create(Inv, $"## Clarifications pinned ({r.ClarificationsPinned.Count})"));
        w.WriteLine();
        foreach (var c in r.ClarificationsPinned)
        {
            w.WriteLine(string.Create(Inv, $"- {c.PinnedAt:HH:mm} ({c.AskCount} asks): {c.Text}"));
        }

        w.WriteLine();
        w.WriteLine("## ROI");
        w.WriteLine();
        if (r.Roi.Count == 0)
        {
            w.WriteLine("No ROI inputs in the factsheet.");
        }

        foreach (var (metric, value, formula) in r.Roi)
        {
            w.WriteLine(string.Create(Inv, $"- {metric}: {value:0.####} {r.Currency} ({formula})"));
        }
    }

    public static void WriteCsv(CampaignReport r, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("section,metric,key,value");
        void Row(string section, string metric, string key, string value) =>
            w.WriteLine(string.Join(',', Csv(section), Csv(metric), Csv(key), Csv(value)));

        Row("summary", "window_from", string.Empty, r.From.ToString("O", Inv));
        Row("summary", "window_until", string.Empty, r.Until.ToString("O", Inv));
        Row("summary", "messages", string.Empty, r.Messages.ToString(Inv));
        Row("summary", "tagged_messages", string.Empty, r.TaggedMessages.ToString(Inv));
        Row("summary", "cases", string.Empty, r.Cases.ToString(Inv));
        Row("summary", "resolved_cases", string.Empty, r.ResolvedCases.ToString(Inv));
        foreach (var (hour, platform, messages, tagged) in r.VolumeByHour)
        {
            Row("volume", "messages", $"{hour.ToString("yyyy-MM-ddTHH:00Z", Inv)}|{platform}", messages.ToString(Inv));
            Row("volume", "tagged", $"{hour.ToString("yyyy-MM-ddTHH:00Z", Inv)}|{platform}", tagged.ToString(Inv));
        }

        foreach (var (issue, count) in r.TopIssues)
        {
            Row("top_issues", "cases", issue, count.ToString(Inv));
        }

        foreach (var (question, count) in r.TopQuestions)
        {
            Row("top_questions", "asked", question, count.ToString(Inv));
        }

        Row("times", "first_response_median_min", string.Empty, Number(r.FirstResponseMedianMinutes));
        Row("times", "first_response_p90_min", string.Empty, Number(r.FirstResponseP90Minutes));
        Row("times", "resolution_median_min", string.Empty, Number(r.ResolutionMedianMinutes));
        Row("sla", "measured", string.Empty, r.SlaMeasured.ToString(Inv));
        Row("sla", "met", string.Empty, r.SlaMet.ToString(Inv));
        Row("sla", "adherence", string.Empty, r.SlaAdherence is { } a ? a.ToString("0.####", Inv) : string.Empty);
        foreach (var (code, mentions, facts) in r.PromoCodeIssues)
        {
            Row("promo_codes", "mentions", code, mentions.ToString(Inv));
            Row("promo_codes", "facts", code, facts);
        }

        Row("clarifications", "pinned", string.Empty, r.ClarificationsPinned.Count.ToString(Inv));
        foreach (var (metric, value, _) in r.Roi)
        {
            Row("roi", metric, r.Currency, value.ToString("0.####", Inv));
        }
    }

    private static string Minutes(double? value) => value is { } v ? v.ToString("0.#", Inv) + " min" : "n/a";

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.#", Inv) + " %" : "n/a";

    private static string Number(double? value) => value is { } v ? v.ToString("0.#", Inv) : string.Empty;

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
