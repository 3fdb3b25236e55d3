using Switchboard.Core.Triage;

namespace Switchboard.Core.Drafting;

/// <summary>
/// Removes personal data from a draft: every value the customer's text held (triage's PII spans plus a scan of the
/// text), the name and reference slots' values, and anything a scan of the final text still finds. Library links
/// are masked during the scan so policy URLs are not mistaken for references.
/// </summary>
public sealed class PersonalDataGuard(IPersonalDataScanner scanner, LinkLibrary links)
{
    public const string Redaction = "[removed]";

    /// <summary>Returns the cleaned text and how many spans were removed.</summary>
    public (string Text, int Removed) Clean(string draft, string customerText, IReadOnlyList<PiiSpan> customerPii, IEnumerable<string?> personalValues)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var span in (customerPii ?? []).Concat(scanner.Scan(customerText ?? string.Empty)))
        {
            if (span.Start >= 0 && span.End <= customerText!.Length && span.End - span.Start >= 3)
            {
                values.Add(customerText[span.Start..span.End].Trim());
            }
        }

        foreach (var value in personalValues)
        {
            if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length >= 3)
            {
                values.Add(value.Trim());
            }
        }

        var removed = 0;
        var text = draft;
        foreach (var value in values.Where(v => v.Length >= 3).OrderByDescending(v => v.Length))
        {
            var index = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                text = string.Concat(text.AsSpan(0, index), Redaction, text.AsSpan(index + value.Length));
                removed++;
                index = text.IndexOf(value, index + Redaction.Length, StringComparison.OrdinalIgnoreCase);
            }
        }

        var (masked, restore) = MaskLinks(text);
        var spans = scanner.Scan(masked).OrderByDescending(s => s.Start).ToList();
        var lastStart = int.MaxValue;
        foreach (var span in spans)
        {
            // Overlapping spans: the later-starting one was already replaced.
            if (span.End > lastStart || span.Start < 0 || span.End > masked.Length)
            {
                continue;
            }

            masked = string.Concat(masked.AsSpan(0, span.Start), Redaction, masked.AsSpan(span.End));
            lastStart = span.Start;
            removed++;
        }

        return (restore(masked), removed);
    }

    /// <summary>True when the scanner finds nothing in <paramref name="text"/> (links from the library excepted).</summary>
    public bool IsClean(string text) => scanner.Scan(MaskLinks(text).Masked).Count == 0;

    private (string Masked, Func<string, string> Restore) MaskLinks(string text)
    {
        var map = new List<(string Token, string Url)>();
        foreach (var link in links.Links.Values)
        {
            var url = link.Url.OriginalString;
            if (text.Contains(url, StringComparison.Ordinal))
            {
                var token = $"\u2063LINK{map.Count}\u2063";
                map.Add((token, url));
                text = text.Replace(url, token, StringComparison.Ordinal);
            }
        }

        return (text, masked =>
        {
            foreach (var (token, url) in map)
            {
                masked = masked.Replace(token, url, StringComparison.Ordinal);
            }

            return masked;
        });
    }

    /// <summary>The customer's text with every PII span (triage's and the scanner's) replaced, for sending to a model.</summary>
    public string Redact(string text, IReadOnlyList<PiiSpan> known)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = (known ?? []).Concat(scanner.Scan(text))
            .Where(s => s.Start >= 0 && s.End <= text.Length && s.End > s.Start)
            .OrderByDescending(s => s.Start)
            .ToList();
        var lastStart = int.MaxValue;
        foreach (var span in spans)
        {
            if (span.End > lastStart)
            {
                continue;
            }

            text = string.Concat(text.AsSpan(0, span.Start), Redaction, text.AsSpan(span.End));
            lastStart = span.Start;
        }

        return text;
    }

    /// <summary>Removes payment card numbers only: a private reply may repeat the customer's own order number, never a card.</summary>
    public (string Text, int Removed) RemoveCards(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = scanner.Scan(text).Where(s => s.Type == "card").OrderByDescending(s => s.Start).ToList();
        foreach (var span in spans)
        {
            text = string.Concat(text.AsSpan(0, span.Start), Redaction, text.AsSpan(span.End));
        }

        return (text, spans.Count);
    }
}
