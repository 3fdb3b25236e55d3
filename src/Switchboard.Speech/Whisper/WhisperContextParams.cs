using System.Runtime.InteropServices;

namespace Switchboard.Speech.Whisper;

/// <summary>
/// Mirror of <c>struct whisper_context_params</c> (48 bytes, unchanged from 1.7.6 to 1.9.3).
/// C <c>bool</c> is <see cref="byte"/> so the struct stays blittable and passes by value unmarshalled.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperContextParams
{
    public byte UseGpu;
    public byte FlashAttn;
    public int GpuDevice;
    public byte DtwTokenTimestamps;
    public int DtwAheadsPreset;
    public int DtwNTop;
    public nuint DtwAheadsNHeads;
    public IntPtr DtwAheadsHeads;
    public nuint DtwMemSize;
}
