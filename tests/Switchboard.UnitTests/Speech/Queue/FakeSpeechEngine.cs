using Switchboard.Core.Enrich;
using Switchboard.Speech;
using Switchboard.Speech.Decoding;

namespace Switchboard.UnitTests.Speech.Queue;

/// <summary>An engine that answers with fixed text, or waits for cancellation when <see cref="Hang"/> is set.</summary>
internal sealed class FakeSpeechEngine : ISpeechEngine
{
    public string Name => "fake 1.0";

    public bool LowConfidence { get; init; }

    public bool Hang { get; init; }

    public int Calls { get; private set; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WarmUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<SpeechEngineResult> TranscribeAsync(DecodedAudio audio, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        Calls++;
        Started.TrySetResult();
        if (Hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        var end = TimeSpan.FromSeconds(audio.DurationSeconds);
        return new SpeechEngineResult("i was charged twice", "en", [new TranscriptSegment(TimeSpan.Zero, end, "i was charged twice")]);
    }
}
