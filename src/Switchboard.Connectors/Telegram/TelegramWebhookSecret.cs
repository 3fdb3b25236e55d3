using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Connectors.Telegram;

/// <summary>Checks X-Telegram-Bot-Api-Secret-Token in constant time; a missing header or secret never passes.</summary>
internal static class TelegramWebhookSecret
{
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        // Hashing first gives both sides one length, so the comparison leaks neither content nor length.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
