using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Speech;
using Switchboard.Speech.Decoding;
using Switchboard.Speech.Queue;

namespace Switchboard.UnitTests.Speech.Queue;

public sealed class TranscriptionQueueTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // The first bytes of an Ogg Opus file: enough for the format check, the fake decoder does the rest.
    private static readonly byte[] OggOpus = [.. "OggS"u8.ToArray(), .. new byte[24], .. "OpusHead"u8.ToArray(), .. new byte[64]];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TranscribeAsync_Note_TranscriptWithEngineLengthAndConfidence()
    {
        await using var rig = new Rig(new FakeSpeechEngine { LowConfidence = true }, new FakeAudioDecoder { Seconds = 3 });

        var transcript = await rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct);

        Assert.Equal("i was charged twice", transcript.Text);
        Assert.Equal("en", transcript.Language);
        Assert.Equal(3, transcript.DurationSeconds);
        Assert.Equal("fake 1.0", transcript.Engine);
        Assert.True(transcript.LowConfidence);
        Assert.Single(transcript.Segments);
    }

    [Fact]
    public async Task TranscribeAsync_OverMaxBytes_FailsTooLargeWithoutReachingTheEngine()
    {
        var engine = new FakeSpeechEngine();
        await using var rig = new Rig(engine, new FakeAudioDecoder(), o => o.MaxBytes = 1024);

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note(new byte[2048]), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.TooLarge, ex.Reason);
        Assert.Equal(0, rig.Queue.Count);
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task TranscribeAsync_QueueFull_FailsFast()
    {
        var engine = new FakeSpeechEngine { Hang = true };
        await using var rig = new Rig(engine, new FakeAudioDecoder(), o => o.QueueCapacity = 2);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = rig.Queue.TranscribeAsync(Note(OggOpus), cts.Token);
        await engine.Started.Task.WaitAsync(Wait, Ct);
        var waiting = new[] { rig.Queue.TranscribeAsync(Note(OggOpus), cts.Token), rig.Queue.TranscribeAsync(Note(OggOpus), cts.Token) };

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.QueueFull, ex.Reason);
        Assert.Equal(2, rig.Queue.Count);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll([running, .. waiting]).WaitAsync(Wait, Ct));
    }

    [Fact]
    public async Task TranscribeAsync_NoWorkerRunning_TranscribesInline()
    {
        var engine = new FakeSpeechEngine();
        await using var rig = new Rig(engine, new FakeAudioDecoder(), startWorker: false);

        var transcript = await rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct);

        Assert.Equal("i was charged twice", transcript.Text);
        Assert.Equal(1, engine.Calls);
    }

    [Fact]
    public async Task TranscribeAsync_AfterTheWorkerStopped_FailsShuttingDown()
    {
        var rig = new Rig(new FakeSpeechEngine(), new FakeAudioDecoder());
        await rig.DisposeAsync();

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.ShuttingDown, ex.Reason);
    }

    [Fact]
    public async Task TranscribeAsync_LongerThanMaxSeconds_FailsTooLong()
    {
        var engine = new FakeSpeechEngine();
        await using var rig = new Rig(engine, new FakeAudioDecoder { Seconds = 90 }, o => o.MaxSeconds = 60);

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.TooLong, ex.Reason);
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task TranscribeAsync_EngineSlowerThanTimeout_FailsWithTimeout()
    {
        await using var rig = new Rig(new FakeSpeechEngine { Hang = true }, new FakeAudioDecoder(), o => o.TimeoutSeconds = 1);

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.Timeout, ex.Reason);
    }

    [Fact]
    public async Task TranscribeAsync_AfterATimeout_WorkerGoesOn()
    {
        var engine = new FakeSpeechEngine { Hang = true };
        await using var rig = new Rig(engine, new FakeAudioDecoder(), o => o.TimeoutSeconds = 1);
        var first = rig.Queue.TranscribeAsync(Note(OggOpus), Ct);
        var second = rig.Queue.TranscribeAsync(Note(OggOpus), Ct);

        await Assert.ThrowsAsync<VoiceTranscriptionException>(() => first.WaitAsync(Wait, Ct));
        await Assert.ThrowsAsync<VoiceTranscriptionException>(() => second.WaitAsync(Wait, Ct));

        Assert.Equal(2, engine.Calls);
    }

    [Fact]
    public async Task TranscribeAsync_CallerCancels_CancelledNotFailed()
    {
        var engine = new FakeSpeechEngine { Hang = true };
        await using var rig = new Rig(engine, new FakeAudioDecoder());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var pending = rig.Queue.TranscribeAsync(Note(OggOpus), cts.Token);
        await engine.Started.Task.WaitAsync(Wait, Ct);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Wait, Ct));
    }

    [Fact]
    public async Task TranscribeAsync_UnknownFormat_FailsUnsupported()
    {
        await using var rig = new Rig(new FakeSpeechEngine(), new FakeAudioDecoder());

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note("<html>not audio</html>"u8.ToArray()), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.UnsupportedFormat, ex.Reason);
    }

    [Fact]
    public async Task TranscribeAsync_DecoderRejects_FailsCorruptAudioWithItsReason()
    {
        var decoder = new FakeAudioDecoder { Failure = new AudioDecodingException("The audio could not be decoded (OGG/Opus): Invalid data found when processing input") };
        await using var rig = new Rig(new FakeSpeechEngine(), decoder);

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.CorruptAudio, ex.Reason);
        Assert.Contains("Invalid data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_DecoderNotInstalled_FailsEngineUnavailableNotCorrupt()
    {
        var decoder = new FakeAudioDecoder { Failure = new AudioDecodingException("ffmpeg could not be started", decoderMissing: true) };
        await using var rig = new Rig(new FakeSpeechEngine(), decoder);

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.EngineUnavailable, ex.Reason);
    }

    [Fact]
    public async Task TranscribeAsync_NoEngine_FailsEngineUnavailable()
    {
        await using var rig = new Rig(new UnavailableSpeechEngine("no model"), new FakeAudioDecoder());

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => rig.Queue.TranscribeAsync(Note(OggOpus), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.EngineUnavailable, ex.Reason);
        Assert.Contains("no model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_NotesWaiting_FailShuttingDown()
    {
        var engine = new FakeSpeechEngine { Hang = true };
        var rig = new Rig(engine, new FakeAudioDecoder());
        var running = rig.Queue.TranscribeAsync(Note(OggOpus), Ct);
        var waiting = rig.Queue.TranscribeAsync(Note(OggOpus), Ct);
        await engine.Started.Task.WaitAsync(Wait, Ct);

        await rig.DisposeAsync();

        var first = await Assert.ThrowsAsync<VoiceTranscriptionException>(() => running.WaitAsync(Wait, Ct));
        var second = await Assert.ThrowsAsync<VoiceTranscriptionException>(() => waiting.WaitAsync(Wait, Ct));
        Assert.Equal(VoiceTranscriptionFailure.ShuttingDown, first.Reason);
        Assert.Equal(VoiceTranscriptionFailure.ShuttingDown, second.Reason);
    }

    private static DownloadedFile Note(byte[] content) => new(content, "audio/ogg", "voice.ogg");

    /// <summary>The queue, the transcriber and a started worker over fakes.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly TranscriptionWorker? _worker;

        public Rig(ISpeechEngine engine, IAudioDecoder decoder, Action<SpeechOptions>? configure = null, bool startWorker = true)
        {
            var settings = new SpeechOptions();
            configure?.Invoke(settings);
            var options = Options.Create(settings);
            var transcriber = new VoiceNoteTranscriber(decoder, engine, options, TimeProvider.System, NullLogger<VoiceNoteTranscriber>.Instance);
            Queue = new TranscriptionQueue(transcriber, options);
            if (startWorker)
            {
                _worker = new TranscriptionWorker(Queue, transcriber, engine, NullLogger<TranscriptionWorker>.Instance);
                _worker.StartAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            }
        }

        public TranscriptionQueue Queue { get; }

        public async ValueTask DisposeAsync()
        {
            if (_worker is not null)
            {
                await _worker.StopAsync(CancellationToken.None);
                _worker.Dispose();
            }
        }
    }
}
