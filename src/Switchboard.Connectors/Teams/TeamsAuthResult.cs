namespace Switchboard.Connectors.Teams;

/// <summary>Outcome of authenticating one inbound activity; <see cref="Failure"/> names the failed check (never the token).</summary>
internal sealed record TeamsAuthResult(bool Valid, string? Failure)
{
    public static readonly TeamsAuthResult Success = new(true, null);

    public static TeamsAuthResult Fail(string failure) => new(false, failure);
}
