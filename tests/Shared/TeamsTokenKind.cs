namespace Switchboard.Tests;

/// <summary>The token variants <see cref="TeamsTestTokens.Mint"/> makes.</summary>
internal enum TeamsTokenKind
{
    Valid,
    Forged,
    Expired,
    WrongAudience,
    WrongIssuer,
    ServiceUrlMismatch,
    Unendorsed,
}
