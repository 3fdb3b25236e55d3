namespace Switchboard.Core.Governance;

/// <summary>The answer: allowed, or refused with a message to show the person (and to audit).</summary>
/// <param name="Rule">What decided, for the audit log: roles version, action and the role that granted or was missing.</param>
public sealed record AuthorizationResult(bool Allowed, string? Refusal, string Rule)
{
    public static AuthorizationResult Allow(string rule) => new(true, null, rule);

    public static AuthorizationResult Refuse(string message, string rule) => new(false, message, rule);
}
