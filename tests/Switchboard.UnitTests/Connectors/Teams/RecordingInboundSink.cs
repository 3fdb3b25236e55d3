using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Teams;

internal sealed class RecordingInboundSink(CardActionResult answer) : IInboundSink
{
    public List<CardActionRequest> Actions { get; } = [];

    public Task<IngestResult> IngestAsync(Core.Domain.InboundMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Teams is a review surface: it must not ingest.");

    public Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        Actions.Add(request);
        return Task.FromResult(answer);
    }
}
