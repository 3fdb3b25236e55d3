using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Core.Analytics;

namespace Switchboard.Analytics;

/// <summary>
/// Who may see the dashboard and its APIs: requests from loopback pass (the local operator, like the
/// playground); anything else needs the login cookie, which only a configured password can mint. With no
/// password configured, remote access is refused: it fails closed.
/// </summary>
internal sealed class DashboardAccess(IOptions<AnalyticsOptions> options)
{
    public const string CookieName = "switchboard_dashboard";

    public bool IsAllowed(HttpContext context)
    {
        if (options.Value.DashboardTrustLoopback && context.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip))
        {
            return true;
        }

        return Expected() is { } expected
            && context.Request.Cookies.TryGetValue(CookieName, out var cookie)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(expected));
    }

    /// <summary>The cookie value for a correct password; null for a wrong one or when none is configured.</summary>
    public string? Login(string? password)
    {
        var configured = options.Value.DashboardPassword;
        if (configured is null || password is null)
        {
            return null;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        return CryptographicOperations.FixedTimeEquals(a, b) ? Expected() : null;
    }

    /// <summary>An HMAC of a fixed label keyed by the password: changing the password logs everyone out.</summary>
    private string? Expected() =>
        options.Value.DashboardPassword is { } password
            ? Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(password), "switchboard-dashboard-v1"u8))
            : null;
}
