using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Cards;

/// <summary>Where card templates live and how large a card may get.</summary>
public sealed class CardsOptions
{
    public const string Section = "Switchboard:Cards";

    /// <summary>
    /// Folder holding the <c>*.json</c> templates. Default (null): the <c>cards/</c> folder next to the app, or the
    /// nearest one above it (the repository root when run from a build folder).
    /// </summary>
    public string? TemplatesPath { get; set; }

    /// <summary>
    /// Largest expanded card, in bytes of UTF-16 JSON (how Teams counts). Default 28672 (28 KB), the smallest size
    /// Teams has documented. A larger card is rebuilt with long data texts shortened, and refused if still too large.
    /// </summary>
    [Range(4096, 102400)]
    public int MaxCardBytes { get; set; } = 28 * 1024;

    /// <summary>Data strings longer than this are shortened (with "…") when a card would exceed <see cref="MaxCardBytes"/>. Default 2000.</summary>
    [Range(100, 20000)]
    public int LongTextLimit { get; set; } = 2000;
}
