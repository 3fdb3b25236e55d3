using System.Text;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// Finds questions repeated during a go-live window. A message counts when it is about the campaign (names a code,
/// creator or the landing page, or uses a campaign word such as "promo" or "discount"). It joins the cluster of every
/// approved answer whose question or keywords it matches (a message that asks two things counts for both); the rest
/// are clustered by token-set (Jaccard) similarity. Clusters of <see cref="MinClusterSize"/> or more are reported,
/// each with a clarification drafted from the approved answer, to be sent for approval like any draft.
/// </summary>
public sealed class RepeatedQuestionDetector(Campaign campaign)
{
    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "is", "are", "was", "it", "this", "that", "to", "of", "for", "on", "in", "at", "my", "me", "i",
        "you", "your", "do", "does", "did", "with", "and", "or", "but", "from", "be", "so", "just", "am", "im", "i'm",
    ];

    /// <summary>Words that make a message about a campaign even without naming a code or creator.</summary>
    public IReadOnlyList<string> CampaignWords { get; init; } = ["promo", "code", "coupon", "discount", "creator", "giveaway", "video", "launch"];

    public int MinClusterSize { get; init; } = 3;

    /// <summary>Token-set Jaccard similarity at which two unmatched questions count as the same. Default 0.5.</summary>
    public double Similarity { get; init; } = 0.5;

    public IReadOnlyList<RepeatedQuestion> Detect(IEnumerable<CampaignMessage> messages, DateTimeOffset from, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var byAnswer = campaign.TopQuestions.Select(_ => new List<CampaignMessage>()).ToArray();
        var loose = new List<(HashSet<string> Tokens, List<CampaignMessage> Members)>();
        foreach (var message in messages.Where(m => m.At >= from && m.At < until).OrderBy(m => m.At))
        {
            var normalized = Normalize(message.Text);
            if (!IsAboutCampaign(message.Text, normalized))
            {
                continue;
            }

            var matched = false;
            for (var i = 0; i < campaign.TopQuestions.Count; i++)
            {
                if (Matches(campaign.TopQuestions[i], normalized))
                {
                    byAnswer[i].Add(message);
                    matched = true;
                }
            }

            if (matched)
            {
                continue;
            }

            var tokens = Tokens(normalized);
            var cluster = loose.FirstOrDefault(c => Jaccard(c.Tokens, tokens) >= Similarity);
            if (cluster.Members is null)
            {
                loose.Add((tokens, [message]));
            }
            else
            {
                cluster.Members.Add(message);
            }
        }

        var found = new List<RepeatedQuestion>();
        for (var i = 0; i < byAnswer.Length; i++)
        {
            if (byAnswer[i].Count >= MinClusterSize)
            {
                var answer = campaign.TopQuestions[i];
                found.Add(Build($"answer:{i}", answer.Question, byAnswer[i], answer, Clarification(answer)));
            }
        }

        foreach (var (_, members) in loose.Where(c => c.Members.Count >= MinClusterSize))
        {
            found.Add(Build($"text:{members[0].Id}", members[0].Text, members, null,
                $"No approved answer covers \"{members[0].Text}\" ({members.Count} asks): ask campaign ops ({campaign.EscalationContact}) for one before pinning."));
        }

        return found.OrderByDescending(q => q.MessageIds.Count).ThenBy(q => q.FirstAt).ToArray();
    }

    /// <summary>The pinned post drafted from an approved answer, with the landing page when the answer lacks it.</summary>
    public string Clarification(ApprovedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder("📌 ").Append(answer.Question.TrimEnd('?', '.')).Append("? ").Append(answer.Answer);
        if (!answer.Answer.Contains(campaign.LandingPage, StringComparison.OrdinalIgnoreCase))
        {
            text.Append(" Offer details: ").Append(campaign.LandingPage);
        }

        return text.ToString();
    }

    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var ch in text.Replace('’', '\'').ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(ch) || ch is '@' or '\'' or '#' ? ch : ' ');
        }

        var collapsed = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return $" {collapsed} ";
    }

    private bool IsAboutCampaign(string text, string normalized) =>
        CampaignTagger.Tag(campaign, text) is not null || CampaignWords.Any(w => normalized.Contains($" {w}", StringComparison.Ordinal));

    private static bool Matches(ApprovedAnswer answer, string normalized) =>
        answer.Keywords.Any(k => normalized.Contains(Normalize(k), StringComparison.Ordinal));

    private static HashSet<string> Tokens(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !StopWords.Contains(t)).ToHashSet(StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static RepeatedQuestion Build(string key, string question, List<CampaignMessage> members, ApprovedAnswer? answer, string clarification) =>
        new(key, question, members.Select(m => m.Id).ToArray(), members.Min(m => m.At), members.Max(m => m.At), answer, clarification);
}
