namespace Switchboard.Core.Triage.Normalization;

/// <summary>What a token stands for; the model sees masks (handle, link, number) instead of the raw value.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Handle,
    Url,
    Email,
    Emoji,
    Hashtag,
    Question,
    Exclamation,
}
