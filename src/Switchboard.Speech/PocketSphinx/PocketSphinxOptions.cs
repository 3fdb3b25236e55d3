namespace Switchboard.Speech.PocketSphinx;

/// <summary>pocketsphinx fallback settings (section <c>Switchboard:Speech:PocketSphinx</c>).</summary>
public sealed class PocketSphinxOptions
{
    /// <summary>Use pocketsphinx when no Whisper model is configured. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The recognizer executable. Default "pocketsphinx_continuous" (Debian package pocketsphinx).</summary>
    public string ExecutablePath { get; set; } = "pocketsphinx_continuous";

    /// <summary>The acoustic model folder, dictionary and language model. Defaults are Debian pocketsphinx-en-us's.</summary>
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us";

    /// <summary>The pronunciation dictionary. Default Debian's cmudict-en-us.dict.</summary>
    public string DictionaryPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    /// <summary>The language model. Default Debian's en-us.lm.bin.</summary>
    public string LanguageModelPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";
}
