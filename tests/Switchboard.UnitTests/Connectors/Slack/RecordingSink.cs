using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Connectors.Slack;

/// <summary>An <see cref="IInboundSink"/> that records what it gets and answers actions with a set result.</summary>
internal sealed class RecordingSink : IInboundSink
{
    public List<InboundMessage> Messages { get; } = [];

    public List<CardActionRequest> Actions { get; } = [];

    public CardActionResult NextResult { get; set; } = new(true, "Done.");

    public Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var duplicate = Messages.Any(m => m.PlatformMessageId == message.PlatformMessageId);
        if (!duplicate)
        {
            Messages.Add(message);
        }

        return Task.FromResult(new IngestResult(Messages.Count, duplicate));
    }

    public Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        Actions.Add(request);
        return Task.FromResult(NextResult);
    }
}
