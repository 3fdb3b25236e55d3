namespace Switchboard.Core.Drafting;

/// <summary>The longest reply a platform takes.</summary>
/// <param name="Max">The limit a reply draft is trimmed to.</param>
/// <param name="PlatformMax">The platform's own message limit (Slack: 40,000), when it differs from <paramref name="Max"/>.</param>
public sealed record PlatformLimit(string Platform, int Max, LengthUnit Unit, int PlatformMax)
{
    public int Measure(string text) => Unit == LengthUnit.Utf8Bytes ? System.Text.Encoding.UTF8.GetByteCount(text) : text.Length;

    public bool Fits(string text) => Measure(text) <= Max;
}
