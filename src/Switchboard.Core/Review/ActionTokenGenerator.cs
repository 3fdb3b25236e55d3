using System.Security.Cryptography;

namespace Switchboard.Core.Review;

/// <summary>
/// Opaque action tokens: 128 random bits, base64url (22 characters), so they fit Telegram's 64-byte
/// callback_data and cannot be guessed or forged. Storage maps each to case, action and case version.
/// </summary>
public static class ActionTokenGenerator
{
    public static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
