using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.Core.Triage.Pii;

/// <summary>
/// Finds personal data with spans so public replies and logs can redact it: e-mail, phone, payment card
/// (Luhn-checked), IBAN (mod-97-checked), street address and the configured order/tracking patterns.
/// Hand-written scanners for the fixed types keep the common case (no digits, no '@') near free.
/// Where spans overlap, the earlier detector in that order wins.
/// </summary>
internal sealed partial class PiiDetector(IReadOnlyList<PiiPattern> patterns, bool detectStreetAddress)
{
    /// <summary>Longest text scanned; personal data past it in a huge message is not reported.</summary>
    public const int MaxChars = 16384;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<PiiSpan> Detect(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        var hasAt = span.Contains('@');
        var hasDigit = span.IndexOfAnyInRange('0', '9') >= 0;
        if (!hasAt && !hasDigit)
        {
            // Most messages: nothing any detector could find, and no list allocated for it.
            return [];
        }

        var spans = new List<PiiSpan>();
        if (hasAt)
        {
            FindEmails(span, spans);
        }

        if (!hasDigit)
        {
            return spans;
        }

        FindCards(span, spans);
        FindIbans(span, spans);
        var scanned = span.Length == text.Length ? text : text[..span.Length];
        foreach (var pattern in patterns)
        {
            try
            {
                foreach (Match match in pattern.Regex.Matches(scanned))
                {
                    var group = match.Groups["value"];
                    var hit = group.Success ? group : (Group)match;
                    AddIfFree(spans, new PiiSpan(pattern.Type, hit.Index, hit.Index + hit.Length));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A configured pattern that times out is skipped for this message rather than failing triage.
            }
        }

        FindPhones(span, spans);
        if (detectStreetAddress)
        {
            try
            {
                foreach (Match match in StreetAddressRegex().Matches(scanned))
                {
                    AddIfFree(spans, new PiiSpan(PiiTypes.StreetAddress, match.Index, match.Index + match.Length));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: report what the other detectors found rather than fail triage.
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    private static void FindEmails(ReadOnlySpan<char> text, List<PiiSpan> spans)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = NextIndex(text, '@', at + 1))
        {
            var start = at;
            while (start > 0 && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            var lastDot = -1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-' || text[end] == '.'))
            {
                if (text[end] == '.')
                {
                    lastDot = end;
                }

                end++;
            }

            // Trailing dots end the sentence, not the domain.
            while (end > at + 1 && text[end - 1] == '.')
            {
                end--;
            }

            lastDot = text[..end].LastIndexOf('.');
            if (start < at && lastDot > at + 1 && end - lastDot - 1 >= 2 && IsAllLetters(text[(lastDot + 1)..end]))
            {
                spans.Add(new PiiSpan(PiiTypes.Email, start, end));
            }
        }
    }

    /// <summary>Digit groups separated by single spaces or dashes, 13–19 digits in all, passing Luhn.</summary>
    private static void FindCards(ReadOnlySpan<char> text, List<PiiSpan> spans)
    {
        Span<int> digits = stackalloc int[19];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var start = i;
            var count = 0;
            var end = i;
            var j = i;
            while (j < text.Length && count <= 19)
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    if (count < 19)
                    {
                        digits[count] = text[j] - '0';
                    }

                    count++;
                    j++;
                    end = j;
                }
                else if ((text[j] == ' ' || text[j] == '-') && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]) && j > start)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            var boundary = end >= text.Length || !char.IsAsciiLetterOrDigit(text[end]);
            if (count is >= 13 and <= 19 && boundary && Luhn(digits[..count]) && !AllSame(digits[..count]))
            {
                spans.Add(new PiiSpan(PiiTypes.PaymentCard, start, end));
            }

            i = Math.Max(end, i + 1);
        }
    }

    /// <summary>Country code, two check digits, 11–30 letters/digits (groups of four may be spaced); mod 97 = 1.</summary>
    private static void FindIbans(ReadOnlySpan<char> text, List<PiiSpan> spans)
    {
        Span<char> compact = stackalloc char[34];
        for (var i = 0; i + 15 <= text.Length; i++)
        {
            if (!(char.IsAsciiLetterUpper(text[i]) && char.IsAsciiLetterUpper(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])))
            {
                continue;
            }

            if (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1]))
            {
                continue;
            }

            var n = 0;
            var j = i;
            var end = i;
            while (j < text.Length && n < 34)
            {
                if (char.IsAsciiLetterUpper(text[j]) || char.IsAsciiDigit(text[j]))
                {
                    compact[n++] = text[j++];
                    end = j;
                }
                else if (text[j] == ' ' && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]) && (j - i) % 5 == 4)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (n is >= 15 and <= 34 && (end >= text.Length || !char.IsAsciiLetterOrDigit(text[end])) && Mod97(compact[..n]) == 1)
            {
                spans.Add(new PiiSpan(PiiTypes.Iban, i, end));
                i = end;
            }
        }
    }

    /// <summary>
    /// 10–15 digits, optionally led by '+' or '(' and separated by single spaces, dots, dashes or parentheses.
    /// Shorter runs are too often flight, order or store numbers to call personal data.
    /// </summary>
    private static void FindPhones(ReadOnlySpan<char> text, List<PiiSpan> spans)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var startsPhone = char.IsAsciiDigit(c) || ((c == '+' || c == '(') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));
            if (!startsPhone || (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '-' || text[i - 1] == '/')))
            {
                i++;
                continue;
            }

            var start = i;
            var count = 0;
            var j = c is '+' or '(' ? i + 1 : i;
            var end = j;
            while (j < text.Length)
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    count++;
                    j++;
                    end = j;
                }
                else if (text[j] is ' ' or '-' or '.' or '(' or ')' && j + 1 < text.Length && (char.IsAsciiDigit(text[j + 1]) || text[j + 1] == '(' || (text[j] == ')' && text[j + 1] == ' ')))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            var boundary = end >= text.Length || !char.IsAsciiLetterOrDigit(text[end]);
            if (count is >= 10 and <= 15 && boundary)
            {
                AddIfFree(spans, new PiiSpan(PiiTypes.Phone, start, end));
            }

            i = Math.Max(end, i + 1);
        }
    }

    private static void AddIfFree(List<PiiSpan> spans, PiiSpan candidate)
    {
        foreach (var s in spans)
        {
            if (candidate.Start < s.End && s.Start < candidate.End)
            {
                return;
            }
        }

        spans.Add(candidate);
    }

    internal static bool Luhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i];
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    internal static int Mod97(ReadOnlySpan<char> iban)
    {
        // Move the first four characters to the end, letters become 10..35, then reduce digit by digit.
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = iban[(k + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else
            {
                var value = c - 'A' + 10;
                remainder = ((remainder * 100) + value) % 97;
            }
        }

        return remainder;
    }

    private static bool AllSame(ReadOnlySpan<int> digits)
    {
        foreach (var d in digits)
        {
            if (d != digits[0])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsAllLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextIndex(ReadOnlySpan<char> text, char c, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var i = text[from..].IndexOf(c);
        return i < 0 ? -1 : from + i;
    }

    // House number, one to four street-name words that are not function words or units ("2 hours on the road"
    // is not an address), then a street suffix.
    [GeneratedRegex(@"\b\d{1,5}[A-Za-z]?\s+(?:(?!(?:the|a|an|my|your|our|this|that|on|in|at|of|to|for|and|or|from|hours?|hrs?|times?|days?|minutes?|mins?|weeks?|months?|years?|people|miles?|km)\b)[A-Za-z][A-Za-z'.-]*\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|crescent|highway|hwy|parkway|pkwy)\b\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex StreetAddressRegex();
}
