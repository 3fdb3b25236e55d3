using Microsoft.Extensions.Options;

namespace Switchboard.Core.Review;

/// <summary>Checks a reviewer's roles against the action and the case's intent.</summary>
public sealed class ReviewerAuthorizer(IOptionsMonitor<ReviewerOptions> options)
{
    public IReadOnlyList<string> RolesOf(string actorId, string? actorHandle)
    {
        var config = options.CurrentValue;
        if (config.Roles.TryGetValue(actorId, out var roles) || (actorHandle is not null && config.Roles.TryGetValue(actorHandle, out roles)))
        {
            return roles;
        }

        return config.DefaultRoles;
    }

    /// <summary>Null when allowed, otherwise the refusal to show the reviewer.</summary>
    public string? Refusal(IReadOnlyList<string> roles, string action, string? intent)
    {
        if (action is "approve" or "edit" && intent is not null
            && options.CurrentValue.ApproveRoles.TryGetValue(intent, out var allowed)
            && !roles.Any(r => allowed.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            return $"You need the {string.Join(" or ", allowed.Select(r => r.Replace('_', ' ')))} role to {action} {intent.Replace('_', ' ')} replies.";
        }

        return null;
    }
}
