namespace Switchboard.Core.Drafting;

/// <summary>
/// Reply length limits per platform: Telegram 4,096; Discord 2,000; Slack 40,000 per message but 3,000 per section
/// block, and a draft is shown in one section of its review card, so Slack drafts keep to 3,000; Teams about 28 KB
/// of payload (UTF-8 bytes); X 280. Unknown platforms get the smallest common chat limit, 2,000.
/// </summary>
public static class PlatformLimits
{
    public const int SlackSectionLimit = 3000;

    public static PlatformLimit For(string? platform) => (platform ?? string.Empty).ToLowerInvariant() switch
    {
        "telegram" => new("telegram", 4096, LengthUnit.Utf16, 4096),
        "discord" => new("discord", 2000, LengthUnit.Utf16, 2000),
        "slack" => new("slack", SlackSectionLimit, LengthUnit.Utf16, 40000),
        "teams" => new("teams", 28000, LengthUnit.Utf8Bytes, 28000),
        "x" or "twitter" => new("x", 280, LengthUnit.Utf16, 280),
        var other => new(other, 2000, LengthUnit.Utf16, 2000),
    };

    /// <summary>The limit for a private reply: X direct messages take 10,000 characters, other platforms as <see cref="For"/>.</summary>
    public static PlatformLimit ForDirectMessage(string? platform) => For(platform) switch
    {
        { Platform: "x" } => new("x", 10000, LengthUnit.Utf16, 10000),
        var limit => limit,
    };
}
