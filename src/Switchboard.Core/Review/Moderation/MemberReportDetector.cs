using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Review.Moderation;

/// <summary>
/// Says whether a message reads as a member's report about someone else ("@admin this is a scam", "reported, fake
/// account", "mods pls ban this guy"). Such reports are trust &amp; safety cases of their own, and acting on their
/// author would punish the reporter; <see cref="ModerationService"/> acts on the reported message instead.
/// The phrases come from <see cref="ModerationOptions.ReportPhrases"/>; they are matched case-insensitively, on word
/// boundaries (so "report" does not match "reporter" and "mods" does not match "modsecurity"), with any run of
/// whitespace matching a space inside a phrase.
/// </summary>
public sealed class MemberReportDetector(IOptionsMonitor<ModerationOptions> options)
{
    // One alternation of literals with fixed-width lookarounds: linear in practice; the timeout is a backstop only.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private Matcher? _matcher;

    public bool IsReport(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var phrases = options.CurrentValue.EffectiveReportPhrases;
        var matcher = _matcher;
        if (matcher is null || !ReferenceEquals(matcher.Phrases, phrases))
        {
            // Rebuilt only when the options reload hands out a new list; a race builds it twice, harmlessly.
            matcher = new Matcher(phrases, Build(phrases));
            _matcher = matcher;
        }

        try
        {
            return matcher.Pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Fail safe: a message we cannot read reliably is treated as a report, so nobody is punished on a guess.
            return true;
        }
    }

    /// <summary>One pattern for all phrases; a phrase's boundaries are letters, digits and underscores, so "@admin" works too.</summary>
    internal static Regex Build(IEnumerable<string> phrases)
    {
        var alternatives = phrases
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => string.Join(@"\s+", p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length);
        return new Regex(
            @"(?<![\p{L}\p{N}_])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            MatchTimeout);
    }

    private sealed record Matcher(IReadOnlyList<string> Phrases, Regex Pattern);
}
