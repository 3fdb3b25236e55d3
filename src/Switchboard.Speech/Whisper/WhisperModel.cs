using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Switchboard.Speech.Whisper;

/// <summary>
/// One whisper context (a loaded model). whisper_full may run one call at a time per context, so calls
/// are serialized; the worker queue runs one note at a time anyway. Dispose frees the context.
/// </summary>
internal sealed unsafe class WhisperModel : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _context;

    private WhisperModel(WhisperLibrary library, IntPtr context, string modelPath)
    {
        Library = library;
        _context = context;
        ModelPath = modelPath;
        IsMultilingual = library.IsMultilingual(context) != 0;
    }

    public WhisperLibrary Library { get; }

    public string ModelPath { get; }

    /// <summary>The model file name without extension, for the audit trail ("ggml-base.en").</summary>
    public string ModelName => Path.GetFileNameWithoutExtension(ModelPath);

    /// <summary>False for ".en" models: they cannot detect or transcribe other languages.</summary>
    public bool IsMultilingual { get; }

    /// <summary>Loads <paramref name="modelPath"/> on the CPU; throws <see cref="WhisperLoadException"/> when it cannot.</summary>
    public static WhisperModel Load(WhisperLibrary library, string modelPath)
    {
        var full = Path.GetFullPath(modelPath);
        if (!File.Exists(full))
        {
            throw new WhisperLoadException(
                $"The Whisper model {full} does not exist. Download ggml-base.en.bin (or another ggml model) and set Switchboard:Speech:Whisper:ModelPath; see docs/speech.md.");
        }

        var byRef = library.ContextDefaultParamsByRef();
        WhisperContextParams contextParams;
        try
        {
            contextParams = *(WhisperContextParams*)byRef;
        }
        finally
        {
            library.FreeContextParams(byRef);
        }

        contextParams.UseGpu = 0;
        var path = System.Text.Encoding.UTF8.GetBytes(full + "\0");
        IntPtr context;
        fixed (byte* p = path)
        {
            context = library.InitFromFileWithParams(p, contextParams);
        }

        return context == IntPtr.Zero
            ? throw new WhisperLoadException($"whisper.cpp could not load the model {full}: it is not a ggml Whisper model or is damaged.")
            : new WhisperModel(library, context, full);
    }

    /// <summary>
    /// Runs whisper_full on 16 kHz mono samples. Cancelling <paramref name="cancellationToken"/> aborts
    /// the native call through its abort callback (checked between graph computations) and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public WhisperResult Run(ReadOnlySpan<float> samples, WhisperRunRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_context == IntPtr.Zero, this);
            var state = new WhisperCallbackState(progress);
            var handle = GCHandle.Alloc(state);
            var language = Marshal.StringToCoTaskMemUTF8(request.Language);
            try
            {
                using var registration = cancellationToken.Register(static s => ((WhisperCallbackState)s!).Abort(), state);
                var rc = Library.Layout == WhisperParamsLayout.V181
                    ? RunV181(samples, request, language, GCHandle.ToIntPtr(handle))
                    : RunV176(samples, request, language, GCHandle.ToIntPtr(handle));
                cancellationToken.ThrowIfCancellationRequested();
                if (rc != 0)
                {
                    throw new InvalidOperationException($"whisper_full failed with code {rc}.");
                }
            }
            finally
            {
                Marshal.FreeCoTaskMem(language);
                handle.Free();
            }

            return ReadResult();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_context != IntPtr.Zero)
            {
                Library.Free(_context);
                _context = IntPtr.Zero;
            }
        }
    }

    private int RunV176(ReadOnlySpan<float> samples, WhisperRunRequest request, IntPtr language, IntPtr userData)
    {
        var p = Library.DefaultsV176;
        p.NThreads = request.Threads;
        p.Language = language;
        p.DetectLanguage = 0;
        p.Translate = 0;
        p.PrintProgress = 0;
        p.PrintRealtime = 0;
        p.PrintTimestamps = 0;
        p.PrintSpecial = 0;
        p.AudioCtx = request.AudioContext;
        p.TemperatureInc = request.TemperatureIncrement ?? p.TemperatureInc;
        p.AbortCallback = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte>)&OnAbort;
        p.AbortCallbackUserData = userData;
        p.ProgressCallback = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, IntPtr, void>)&OnProgress;
        p.ProgressCallbackUserData = userData;
        fixed (float* s = samples)
        {
            return Library.FullV176(_context, p, s, samples.Length);
        }
    }

    private int RunV181(ReadOnlySpan<float> samples, WhisperRunRequest request, IntPtr language, IntPtr userData)
    {
        var p = Library.DefaultsV181;
        p.NThreads = request.Threads;
        p.Language = language;
        p.DetectLanguage = 0;
        p.Translate = 0;
        p.PrintProgress = 0;
        p.PrintRealtime = 0;
        p.PrintTimestamps = 0;
        p.PrintSpecial = 0;
        p.AudioCtx = request.AudioContext;
        p.TemperatureInc = request.TemperatureIncrement ?? p.TemperatureInc;
        p.AbortCallback = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte>)&OnAbort;
        p.AbortCallbackUserData = userData;
        p.ProgressCallback = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, IntPtr, void>)&OnProgress;
        p.ProgressCallbackUserData = userData;
        fixed (float* s = samples)
        {
            return Library.FullV181(_context, p, s, samples.Length);
        }
    }

    private WhisperResult ReadResult()
    {
        var count = Library.FullNSegments(_context);
        var segments = new List<WhisperSegment>(count);
        for (var i = 0; i < count; i++)
        {
            var text = Marshal.PtrToStringUTF8(Library.FullGetSegmentText(_context, i)) ?? string.Empty;
            // whisper reports centiseconds.
            var start = TimeSpan.FromMilliseconds(Library.FullGetSegmentT0(_context, i) * 10);
            var end = TimeSpan.FromMilliseconds(Library.FullGetSegmentT1(_context, i) * 10);
            segments.Add(new WhisperSegment(start, end, text.Trim()));
        }

        var langId = Library.FullLangId(_context);
        var language = langId >= 0 ? Marshal.PtrToStringUTF8(Library.LangStr(langId)) : null;
        return new WhisperResult(segments, language);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnAbort(IntPtr userData) =>
        GCHandle.FromIntPtr(userData).Target is WhisperCallbackState { Aborted: true } ? (byte)1 : (byte)0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnProgress(IntPtr context, IntPtr state, int progress, IntPtr userData)
    {
        if (GCHandle.FromIntPtr(userData).Target is WhisperCallbackState { Progress: { } sink })
        {
            try
            {
                // whisper can overshoot 100 when its last window runs past the end of the audio.
                sink.Report(Math.Clamp(progress, 0, 100));
            }
            catch (Exception)
            {
                // Never unwind into native code; a failing progress display must not abort the transcription.
            }
        }
    }
}
