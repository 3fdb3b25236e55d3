using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Checks Slack's v0 request signature: HMAC-SHA256 over "v0:{timestamp}:{raw body}" with the signing
/// secret, compared in constant time, inside a 5-minute window so a captured request cannot be replayed.
/// Without a signing secret every request is refused.
/// </summary>
internal sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public SlackSignatureResult Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SlackSignatureResult.NoSecret;
        }

        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return SlackSignatureResult.Missing;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > (long)Window.TotalSeconds)
        {
            return SlackSignatureResult.Stale;
        }

        var expected = Compute(secret, timestampHeader, rawBody);
        var given = Encoding.ASCII.GetBytes(signatureHeader);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackSignatureResult.Valid : SlackSignatureResult.Invalid;
    }

    /// <summary>The signature header value Slack would send ("v0=" + lowercase hex), as ASCII bytes.</summary>
    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var baseString = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(baseString, 0);
        rawBody.CopyTo(baseString.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), baseString);
        return Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(mac));
    }
}
