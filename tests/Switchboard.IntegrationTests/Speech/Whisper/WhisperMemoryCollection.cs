namespace Switchboard.IntegrationTests.Speech.Whisper;

/// <summary>
/// Memory measurements are process-wide: tests in this collection run alone, after the parallel ones,
/// so other tests' allocations do not show up as whisper's.
/// </summary>
[CollectionDefinition(nameof(WhisperMemoryCollection), DisableParallelization = true)]
public sealed class WhisperMemoryCollection;
