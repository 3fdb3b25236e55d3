using System.Text.RegularExpressions;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Drafting;

/// <summary>
/// The default scanner: e-mail addresses, phone numbers, payment card numbers (Luhn-checked), IBANs and
/// order/ticket/account references. It errs on the side of flagging: a false hit costs a human look at a draft.
/// </summary>
public sealed partial class RegexPersonalDataScanner : IPersonalDataScanner
{
    public IReadOnlyList<PiiSpan> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<PiiSpan>();
        Add(spans, EmailPattern(), text, "email");
        foreach (Match match in CardPattern().Matches(text))
        {
            if (Luhn(match.Value))
            {
                spans.Add(new PiiSpan("card", match.Index, match.Index + match.Length));
            }
        }

        Add(spans, IbanPattern(), text, "iban");
        // References before phones: "#4521987" is an order number, not a phone.
        foreach (Match match in ReferencePattern().Matches(text))
        {
            var group = match.Groups["ref"];
            if (!Overlaps(spans, group.Index, group.Index + group.Length))
            {
                spans.Add(new PiiSpan("reference", group.Index, group.Index + group.Length));
            }
        }

        foreach (Match match in PhonePattern().Matches(text))
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            // Campaign facts carry dates ("ends 2026-11-30"): a date is not a phone number.
            if (digits is >= 7 and <= 15 && !DatePattern().IsMatch(match.Value.Trim()) && !Overlaps(spans, match.Index, match.Index + match.Length))
            {
                spans.Add(new PiiSpan("phone", match.Index, match.Index + match.Length));
            }
        }

        return spans;
    }

    private static void Add(List<PiiSpan> spans, Regex pattern, string text, string type)
    {
        foreach (Match match in pattern.Matches(text))
        {
            spans.Add(new PiiSpan(type, match.Index, match.Index + match.Length));
        }
    }

    private static bool Overlaps(List<PiiSpan> spans, int start, int end) => spans.Any(s => s.Start < end && start < s.End);

    private static bool Luhn(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?:\d[ \-]?){12,18}\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![\w/])\+?\(?\d[\d\s().\-]{5,18}\d(?![\w/])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // "order 123456", "order #A12-3456", "ticket no. 98765", "#4521987", "ref: AB12CD34"; not hashtags like #launch2026.
    [GeneratedRegex(@"(?:(?:order|ticket|case|invoice|account|acct|ref(?:erence)?|tracking)\s*(?:no\.?|number|id|#|:)?(?:\s+(?:is|was))?\s*#?(?<ref>[A-Za-z0-9]*\d[A-Za-z0-9\-]{3,})|#(?<ref>[A-Za-z]{0,3}\d{4,}[A-Za-z0-9\-]*))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
