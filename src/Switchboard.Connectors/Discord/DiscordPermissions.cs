using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// A member's permissions in a channel, computed as Discord documents it (topics/permissions): @everyone and
/// role permissions, ADMINISTRATOR and ownership grant everything, then channel overwrites (@everyone, roles,
/// member), each deny before allow.
/// </summary>
internal static class DiscordPermissions
{
    public const ulong BanMembers = 1UL << 2;
    public const ulong Administrator = 1UL << 3;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ManageMessages = 1UL << 13;
    public const ulong ModerateMembers = 1UL << 40;
    public const ulong PinMessages = 1UL << 51;
    public const ulong All = ulong.MaxValue;

    /// <summary>Guild-level permissions (what MODERATE_MEMBERS and BAN_MEMBERS are checked against).</summary>
    public static ulong Base(string guildId, string? ownerId, string userId, JsonArray roles, IReadOnlyCollection<string> memberRoleIds)
    {
        if (userId == ownerId)
        {
            return All;
        }

        var permissions = 0UL;
        foreach (var role in roles)
        {
            var id = (string?)role?["id"];
            if (id == guildId || (id is not null && memberRoleIds.Contains(id)))
            {
                permissions |= Parse(role?["permissions"]);
            }
        }

        return (permissions & Administrator) != 0 ? All : permissions;
    }

    /// <summary>Channel-level permissions: <paramref name="basePermissions"/> with the channel's overwrites applied.</summary>
    public static ulong InChannel(ulong basePermissions, string guildId, string userId, IReadOnlyCollection<string> memberRoleIds, JsonArray? overwrites)
    {
        if ((basePermissions & Administrator) != 0)
        {
            return All;
        }

        var permissions = basePermissions;
        var list = (overwrites ?? []).OfType<JsonObject>().ToList();
        if (list.FirstOrDefault(o => (string?)o["id"] == guildId) is { } everyone)
        {
            permissions &= ~Parse(everyone["deny"]);
            permissions |= Parse(everyone["allow"]);
        }

        ulong deny = 0, allow = 0;
        foreach (var o in list.Where(o => (int?)o["type"] == 0 && (string?)o["id"] is { } id && id != guildId && memberRoleIds.Contains(id)))
        {
            deny |= Parse(o["deny"]);
            allow |= Parse(o["allow"]);
        }

        permissions = (permissions & ~deny) | allow;
        if (list.FirstOrDefault(o => (int?)o["type"] == 1 && (string?)o["id"] == userId) is { } member)
        {
            permissions &= ~Parse(member["deny"]);
            permissions |= Parse(member["allow"]);
        }

        return permissions;
    }

    // Permission sets are decimal strings in API v10 (they do not fit a JSON number).
    private static ulong Parse(JsonNode? value) =>
        ulong.TryParse((string?)value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0;
}
