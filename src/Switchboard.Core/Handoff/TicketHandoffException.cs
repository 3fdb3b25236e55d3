namespace Switchboard.Core.Handoff;

/// <summary>A CRM call failed. Retry <see cref="TicketHandoffFailure.Transient"/> and <see cref="TicketHandoffFailure.RateLimited"/> (after <see cref="RetryAfter"/>); the rest need a person.</summary>
public sealed class TicketHandoffException : Exception
{
    public TicketHandoffException(TicketHandoffFailure failure, string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public TicketHandoffException()
        : this(TicketHandoffFailure.Transient, "Ticket handoff failed.")
    {
    }

    public TicketHandoffException(string message)
        : this(TicketHandoffFailure.Transient, message)
    {
    }

    public TicketHandoffException(string message, Exception innerException)
        : this(TicketHandoffFailure.Transient, message, null, null, innerException)
    {
    }

    public TicketHandoffFailure Failure { get; }

    public int? StatusCode { get; }

    public TimeSpan? RetryAfter { get; }

    public bool IsRetryable => Failure is TicketHandoffFailure.Transient or TicketHandoffFailure.RateLimited;
}
