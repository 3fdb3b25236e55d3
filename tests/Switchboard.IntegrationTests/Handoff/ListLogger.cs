using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switchboard.IntegrationTests.Handoff;

/// <summary>Keeps every formatted log line (with exception text) so tests can assert what was, and was not, logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
