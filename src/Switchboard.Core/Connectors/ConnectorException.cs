namespace Switchboard.Core.Connectors;

/// <summary>
/// The small set of failures a connector translates platform errors into. The outbox sender retries
/// <see cref="ConnectorFailure.RateLimited"/> and <see cref="ConnectorFailure.Transient"/>, and gives up on the rest.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(ConnectorFailure failure, string message, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        RetryAfter = retryAfter;
    }

    public ConnectorException()
        : this(ConnectorFailure.Transient, "Connector failure.")
    {
    }

    public ConnectorException(string message)
        : this(ConnectorFailure.Transient, message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : this(ConnectorFailure.Transient, message, null, innerException)
    {
    }

    public ConnectorFailure Failure { get; }

    public TimeSpan? RetryAfter { get; }

    public bool IsRetryable => Failure is ConnectorFailure.RateLimited or ConnectorFailure.Transient;
}

public enum ConnectorFailure
{
    Transient,
    RateLimited,
    Auth,
    NotFound,
    Invalid,
}
