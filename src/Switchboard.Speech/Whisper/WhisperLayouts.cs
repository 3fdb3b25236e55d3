using System.Globalization;
using System.Runtime.InteropServices;

namespace Switchboard.Speech.Whisper;

/// <summary>
/// Chooses the <c>whisper_full_params</c> mirror from <c>whisper_version()</c> and checks it against the
/// library's own defaults before the first call. C structs carry no version tag, so a wrong mirror would
/// pass garbage by value and fail silently or crash; refusing with a clear message is the safe outcome.
/// </summary>
internal static class WhisperLayouts
{
    /// <summary>The versions whose layouts were checked against the headers (speech-whisper.md §2.2).</summary>
    public const string KnownRange = "1.7.6 to 1.9.x";

    private static readonly Version FirstV181 = new(1, 8, 1);
    private static readonly Version Oldest = new(1, 7, 6);
    private static readonly Version NewestMinor = new(1, 9);

    /// <summary>
    /// Picks the layout for a <c>whisper_version()</c> string such as "1.9.1" or "1.9.3-dev".
    /// <paramref name="versionText"/> is null when the library has no <c>whisper_version</c> export,
    /// which only builds before 1.8.0 lack; those are taken as the 1.7.6 layout and the defaults check decides.
    /// </summary>
    public static WhisperParamsLayout Select(string? versionText)
    {
        if (versionText is null)
        {
            return WhisperParamsLayout.V176;
        }

        var version = ParseVersion(versionText)
            ?? throw new WhisperLoadException(
                $"whisper.cpp reported the version '{versionText}', which is not a version number; "
                + $"Switchboard supports whisper.cpp {KnownRange}. Rebuild the library with eng/install/speech.sh.");

        if (version < Oldest || version.Major != NewestMinor.Major || version.Minor > NewestMinor.Minor)
        {
            throw new WhisperLoadException(
                $"whisper.cpp {versionText} is not supported: Switchboard knows the whisper_full_params layout of "
                + $"whisper.cpp {KnownRange} only, and passing a struct of the wrong shape would crash the process. "
                + "Rebuild the library with eng/install/speech.sh (whisper.cpp 1.9.1) or point Switchboard:Speech:Whisper:NativeLibraryPath at a supported build.");
        }

        return version >= FirstV181 ? WhisperParamsLayout.V181 : WhisperParamsLayout.V176;
    }

    /// <summary>Parses the part before any "-" ("1.9.3-dev" → 1.9.3); null when it is not a version.</summary>
    public static Version? ParseVersion(string versionText)
    {
        var core = versionText.Trim();
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            core = core[..dash];
        }

        var parts = core.Split('.');
        if (parts.Length is < 2 or > 3)
        {
            return null;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>Checks the greedy defaults read through the 1.7.6 mirror; returns every mismatch (empty when it fits).</summary>
    public static IReadOnlyList<string> CheckDefaults(in WhisperFullParamsV176 p, Func<IntPtr, string?> readString) =>
        CheckDefaults(p.NMaxTextCtx, p.Language, p.EntropyThold, p.GreedyBestOf, p.GrammarPenalty, p.VadParams.Threshold, readString);

    /// <summary>Checks the greedy defaults read through the 1.8.1 mirror; returns every mismatch (empty when it fits).</summary>
    public static IReadOnlyList<string> CheckDefaults(in WhisperFullParamsV181 p, Func<IntPtr, string?> readString) =>
        CheckDefaults(p.NMaxTextCtx, p.Language, p.EntropyThold, p.GreedyBestOf, p.GrammarPenalty, p.VadParams.Threshold, readString);

    /// <summary>Reads a NUL-terminated UTF-8 string; used for the default <c>language</c> pointer.</summary>
    public static string? ReadUtf8(IntPtr pointer) => pointer == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(pointer);

    private static List<string> CheckDefaults(
        int nMaxTextCtx, IntPtr language, float entropyThold, int bestOf, float grammarPenalty, float vadThreshold, Func<IntPtr, string?> readString)
    {
        // The defaults of whisper_full_default_params(WHISPER_SAMPLING_GREEDY), spread over the whole struct
        // so that a field inserted anywhere shifts at least one of them.
        var errors = new List<string>();
        if (nMaxTextCtx != 16384)
        {
            errors.Add($"n_max_text_ctx is {nMaxTextCtx}, expected 16384");
        }

        // The pointer is only dereferenced when the fields before it matched: a shifted layout could put
        // a float here, and reading through it would crash instead of refusing.
        var lang = errors.Count == 0 && LooksLikePointer(language) ? readString(language) : null;
        if (lang != "en")
        {
            errors.Add("language does not point at \"en\"");
        }

        if (entropyThold != 2.4f)
        {
            errors.Add($"entropy_thold is {entropyThold}, expected 2.4");
        }

        if (bestOf != 5)
        {
            errors.Add($"greedy.best_of is {bestOf}, expected 5");
        }

        if (grammarPenalty != 100f)
        {
            errors.Add($"grammar_penalty is {grammarPenalty}, expected 100");
        }

        if (vadThreshold != 0.5f)
        {
            errors.Add($"vad_params.threshold is {vadThreshold}, expected 0.5");
        }

        return errors;
    }

    // User-space pointers on x86-64 Linux are non-null, below 2^47 and, for a string literal, past the first page.
    private static bool LooksLikePointer(IntPtr pointer) => (ulong)pointer > 4096 && (ulong)pointer < (1UL << 47);
}
