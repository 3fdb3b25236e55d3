using System.Text.RegularExpressions;

namespace Switchboard.Core.Analytics;

/// <summary>
/// The post-resolution rating prompt, sent privately when a reviewer resolves a case, and how a customer's
/// answer to it is recognised: a message that is only a number from 1 to 5.
/// </summary>
public static partial class CsatPrompt
{
    public const string Text = "Thanks for bearing with us. How did we do? Reply with a number from 1 (poor) to 5 (great).";

    /// <summary>The score when <paramref name="text"/> answers the prompt, else null.</summary>
    public static int? ScoreOf(string? text) =>
        text is not null && Answer().Match(text) is { Success: true } m ? m.Groups[1].Value[0] - '0' : null;

    [GeneratedRegex(@"^\s*([1-5])\s*(/\s*5)?\s*[.!]?\s*$")]
    private static partial Regex Answer();
}
