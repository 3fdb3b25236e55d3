using Microsoft.Extensions.Options;

namespace Switchboard.Core.Governance;

/// <summary>Maps an actor id from a card action to a <see cref="ReviewActor"/> with the roles configured for it (none when unknown).</summary>
public sealed class ActorDirectory(IOptionsMonitor<GovernanceOptions> options)
{
    public ReviewActor For(string actorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        var roles = options.CurrentValue.Members
            .Where(m => string.Equals(m.Actor, actorId, StringComparison.Ordinal))
            .SelectMany(m => m.Roles)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ReviewActor(actorId, roles);
    }
}
