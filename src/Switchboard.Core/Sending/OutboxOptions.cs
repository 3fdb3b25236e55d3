using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Sending;

/// <summary>How the outbox sender delivers.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Switchboard:Outbox";

    /// <summary>Run the background sender (default true). Off only for tools that must not post.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for due items when nothing woke the sender. Default 500 ms.</summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Attempts before an item is given up (dead). Default 12 (about an hour of backoff).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxBackoffSeconds"/>. Default 1 s.</summary>
    [Range(0.01, 3600)]
    public double InitialBackoffSeconds { get; set; } = 1;

    /// <summary>Longest retry delay. Default 300 s.</summary>
    [Range(1, 86_400)]
    public double MaxBackoffSeconds { get; set; } = 300;
}
