using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Switchboard.Speech.Whisper;

/// <summary>
/// A loaded libwhisper: its exports as unmanaged function pointers, its version, the params layout
/// chosen for it and its checked greedy defaults. Loaded once per path and never unloaded, because
/// ggml's OpenMP worker threads outlive any context and unloading under them would crash.
/// </summary>
internal sealed unsafe class WhisperLibrary
{
    /// <summary>The library file name inside a native folder.</summary>
    public const string FileName = "libwhisper.so.1";

    private static readonly ConcurrentDictionary<string, Lazy<WhisperLibrary>> Loaded = new(StringComparer.Ordinal);

    // ggml's libraries, in dependency order: builds without RUNPATH $ORIGIN need them preloaded so that
    // ld.so satisfies libwhisper's NEEDED entries by SONAME (LD_LIBRARY_PATH cannot be set from inside .NET).
    private static readonly string[] Dependencies = ["libggml-base.so.0", "libggml-cpu.so.0", "libggml.so.0"];

    private readonly WhisperFullParamsV176 _defaultsV176;
    private readonly WhisperFullParamsV181 _defaultsV181;

    private WhisperLibrary(string path, IntPtr handle)
    {
        Path = path;
        ContextDefaultParamsByRef = (delegate* unmanaged[Cdecl]<IntPtr>)Export(handle, "whisper_context_default_params_by_ref");
        FreeContextParams = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export(handle, "whisper_free_context_params");
        InitFromFileWithParams = (delegate* unmanaged[Cdecl]<byte*, WhisperContextParams, IntPtr>)Export(handle, "whisper_init_from_file_with_params");
        FullDefaultParamsByRef = (delegate* unmanaged[Cdecl]<int, IntPtr>)Export(handle, "whisper_full_default_params_by_ref");
        FreeParams = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export(handle, "whisper_free_params");
        var full = Export(handle, "whisper_full");
        FullV176 = (delegate* unmanaged[Cdecl]<IntPtr, WhisperFullParamsV176, float*, int, int>)full;
        FullV181 = (delegate* unmanaged[Cdecl]<IntPtr, WhisperFullParamsV181, float*, int, int>)full;
        FullNSegments = (delegate* unmanaged[Cdecl]<IntPtr, int>)Export(handle, "whisper_full_n_segments");
        FullGetSegmentText = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)Export(handle, "whisper_full_get_segment_text");
        FullGetSegmentT0 = (delegate* unmanaged[Cdecl]<IntPtr, int, long>)Export(handle, "whisper_full_get_segment_t0");
        FullGetSegmentT1 = (delegate* unmanaged[Cdecl]<IntPtr, int, long>)Export(handle, "whisper_full_get_segment_t1");
        FullLangId = (delegate* unmanaged[Cdecl]<IntPtr, int>)Export(handle, "whisper_full_lang_id");
        LangStr = (delegate* unmanaged[Cdecl]<int, IntPtr>)Export(handle, "whisper_lang_str");
        LangId = (delegate* unmanaged[Cdecl]<byte*, int>)Export(handle, "whisper_lang_id");
        IsMultilingual = (delegate* unmanaged[Cdecl]<IntPtr, int>)Export(handle, "whisper_is_multilingual");
        Free = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export(handle, "whisper_free");
        var logSet = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void>)Export(handle, "whisper_log_set");

        // Route whisper's and ggml's stderr chatter (model load banners, per-call timings) through our sink.
        logSet((IntPtr)(delegate* unmanaged[Cdecl]<int, byte*, IntPtr, void>)&OnNativeLog, IntPtr.Zero);

        Version = NativeLibrary.TryGetExport(handle, "whisper_version", out var versionExport)
            ? Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<IntPtr>)versionExport)())
            : null;
        Layout = WhisperLayouts.Select(Version);

        // Copy the library's own defaults once, free its allocation (C++ new: only whisper_free_params may
        // free it), and check them through the chosen mirror before anything is passed by value.
        var defaults = FullDefaultParamsByRef(0);
        if (defaults == IntPtr.Zero)
        {
            throw new WhisperLoadException($"whisper_full_default_params_by_ref returned null in {path}.");
        }

        IReadOnlyList<string> errors;
        try
        {
            if (Layout == WhisperParamsLayout.V181)
            {
                _defaultsV181 = *(WhisperFullParamsV181*)defaults;
                errors = WhisperLayouts.CheckDefaults(_defaultsV181, WhisperLayouts.ReadUtf8);
            }
            else
            {
                _defaultsV176 = *(WhisperFullParamsV176*)defaults;
                errors = WhisperLayouts.CheckDefaults(_defaultsV176, WhisperLayouts.ReadUtf8);
            }
        }
        finally
        {
            FreeParams(defaults);
        }

        if (errors.Count > 0)
        {
            throw new WhisperLoadException(
                $"whisper.cpp {Version ?? "(no whisper_version export)"} at {path} does not match the {(int)Layout}-byte "
                + $"whisper_full_params layout ({string.Join("; ", errors)}). Switchboard refuses to call it because a "
                + $"mismatched struct would crash the process; use a whisper.cpp {WhisperLayouts.KnownRange} build from eng/install/speech.sh.");
        }
    }

    /// <summary>Receives whisper's log lines (level per ggml_log_level: 2 info, 3 warn, 4 error). Null drops them.</summary>
    public static Action<int, string>? LogSink { get; set; }

    public string Path { get; }

    /// <summary><c>whisper_version()</c>, or null for builds before 1.8.0 that lack it.</summary>
    public string? Version { get; }

    public WhisperParamsLayout Layout { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr> ContextDefaultParamsByRef { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, void> FreeContextParams { get; }

    internal delegate* unmanaged[Cdecl]<byte*, WhisperContextParams, IntPtr> InitFromFileWithParams { get; }

    internal delegate* unmanaged[Cdecl]<int, IntPtr> FullDefaultParamsByRef { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, void> FreeParams { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, WhisperFullParamsV176, float*, int, int> FullV176 { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, WhisperFullParamsV181, float*, int, int> FullV181 { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, int> FullNSegments { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> FullGetSegmentText { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, int, long> FullGetSegmentT0 { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, int, long> FullGetSegmentT1 { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, int> FullLangId { get; }

    internal delegate* unmanaged[Cdecl]<int, IntPtr> LangStr { get; }

    internal delegate* unmanaged[Cdecl]<byte*, int> LangId { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, int> IsMultilingual { get; }

    internal delegate* unmanaged[Cdecl]<IntPtr, void> Free { get; }

    internal WhisperFullParamsV176 DefaultsV176 => _defaultsV176;

    internal WhisperFullParamsV181 DefaultsV181 => _defaultsV181;

    /// <summary>
    /// Loads libwhisper from <paramref name="nativePath"/> (the file, or the folder holding it), once per path.
    /// Throws <see cref="WhisperLoadException"/> with what to do when it is missing, unsupported or mismatched.
    /// </summary>
    public static WhisperLibrary Load(string nativePath)
    {
        var file = ResolveFile(nativePath);
        var lazy = Loaded.GetOrAdd(file, f => new Lazy<WhisperLibrary>(() => LoadCore(f), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (WhisperLoadException)
        {
            // Let a later call (after the operator fixed the file) try again instead of caching the failure.
            Loaded.TryRemove(new KeyValuePair<string, Lazy<WhisperLibrary>>(file, lazy));
            throw;
        }
    }

    /// <summary>Whether <paramref name="code"/> is a language whisper knows ("en", "de", …).</summary>
    public bool IsKnownLanguage(string code)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(code + "\0");
        fixed (byte* p = bytes)
        {
            return LangId(p) >= 0;
        }
    }

    private static string ResolveFile(string nativePath)
    {
        var full = System.IO.Path.GetFullPath(nativePath);
        if (Directory.Exists(full))
        {
            foreach (var name in new[] { FileName, "libwhisper.so" })
            {
                var candidate = System.IO.Path.Combine(full, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new WhisperLoadException(
                $"No {FileName} in {full}. Build it with eng/install/speech.sh or set Switchboard:Speech:Whisper:NativeLibraryPath.");
        }

        if (!File.Exists(full))
        {
            throw new WhisperLoadException(
                $"The whisper library {full} does not exist. Build it with eng/install/speech.sh or set Switchboard:Speech:Whisper:NativeLibraryPath.");
        }

        return full;
    }

    private static WhisperLibrary LoadCore(string file)
    {
        var folder = System.IO.Path.GetDirectoryName(file)!;
        foreach (var dependency in Dependencies)
        {
            var candidate = System.IO.Path.Combine(folder, dependency);
            if (File.Exists(candidate))
            {
                NativeLibrary.TryLoad(candidate, out _);
            }
        }

        IntPtr handle;
        try
        {
            handle = NativeLibrary.Load(file);
        }
        catch (DllNotFoundException ex)
        {
            throw new WhisperLoadException($"The whisper library {file} could not be loaded: {ex.Message}", ex);
        }
        catch (BadImageFormatException ex)
        {
            throw new WhisperLoadException($"{file} is not a loadable library for this machine: {ex.Message}", ex);
        }

        return new WhisperLibrary(file, handle);
    }

    private static IntPtr Export(IntPtr handle, string name) =>
        NativeLibrary.TryGetExport(handle, name, out var address)
            ? address
            : throw new WhisperLoadException($"The whisper library does not export {name}; it is not a whisper.cpp {WhisperLayouts.KnownRange} build.");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnNativeLog(int level, byte* text, IntPtr userData)
    {
        var sink = LogSink;
        if (sink is null || text is null)
        {
            return;
        }

        var line = Marshal.PtrToStringUTF8((IntPtr)text)?.TrimEnd();
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        try
        {
            sink(level, line);
        }
        catch (Exception)
        {
            // An exception must never unwind into native code (it would abort the process): a sink
            // that throws is switched off instead.
            LogSink = null;
        }
    }
}
