namespace Switchboard.Core.Drafting;

public enum LengthUnit
{
    /// <summary>UTF-16 code units (what .NET's string.Length counts; Telegram and Discord count close to this).</summary>
    Utf16,

    /// <summary>UTF-8 bytes (Teams limits the message payload size).</summary>
    Utf8Bytes,
}
