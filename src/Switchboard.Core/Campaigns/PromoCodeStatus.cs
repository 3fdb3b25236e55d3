namespace Switchboard.Core.Campaigns;

/// <summary>What the factsheet says about a code at a moment.</summary>
public enum PromoCodeStatus
{
    /// <summary>The code is not in any campaign's factsheet.</summary>
    Unknown,
    NotYetValid,
    Valid,
    Expired,
    LimitReached,
}
