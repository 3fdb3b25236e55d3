namespace Switchboard.Core.Routing;

/// <summary>The case facts routing needs beside triage's decision.</summary>
/// <param name="Platform">The customer-facing platform (telegram, x, discord, …).</param>
/// <param name="IsPublic">True when the customer wrote in public.</param>
/// <param name="OpenedAt">When the SLA clocks start (the case's first message).</param>
public sealed record RoutingFacts(string Platform, bool IsPublic, DateTimeOffset OpenedAt)
{
    /// <summary>The author's handle, matched against the matrix's VIP list.</summary>
    public string? AuthorHandle { get; init; }

    public long? AuthorFollowers { get; init; }

    /// <summary>True when the caller already knows the author is a VIP (a CRM flag, for example).</summary>
    public bool IsVip { get; init; }

    /// <summary>Replies to the thread in the last hour.</summary>
    public int RepliesLastHour { get; init; }

    /// <summary>Reposts or quotes of the thread in the last hour.</summary>
    public int RepostsLastHour { get; init; }

    /// <summary>Extra flags, typically <see cref="RiskFlags.Detect"/> over the message text.</summary>
    public IReadOnlyCollection<string> Flags { get; init; } = [];
}
