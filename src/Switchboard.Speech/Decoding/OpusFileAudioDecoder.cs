using System.Runtime.InteropServices;

namespace Switchboard.Speech.Decoding;

/// <summary>
/// Decodes OGG/Opus in process with Debian's libopusfile (no process start: 55–90 ms instead of about
/// 0.4 s for a 4 s note). libopusfile always yields 48 kHz; a windowed-sinc low-pass then keeps every
/// third sample for 16 kHz. Only Ogg Opus; everything else goes to ffmpeg.
/// </summary>
internal sealed unsafe class OpusFileAudioDecoder
{
    private const string LibraryName = "libopusfile.so.0";
    private const int InputRate = 48_000;
    private const int Factor = InputRate / DecodedAudio.SampleRate;

    private static readonly Lazy<OpusFileAudioDecoder?> Shared = new(TryLoad);
    private static readonly float[] LowPass = DesignLowPass(63, 7_200.0 / InputRate);

    private readonly delegate* unmanaged[Cdecl]<byte*, nuint, int*, IntPtr> _openMemory;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, float*, int, int> _readFloatStereo;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _free;

    private OpusFileAudioDecoder(IntPtr handle)
    {
        _openMemory = (delegate* unmanaged[Cdecl]<byte*, nuint, int*, IntPtr>)NativeLibrary.GetExport(handle, "op_open_memory");
        _readFloatStereo = (delegate* unmanaged[Cdecl]<IntPtr, float*, int, int>)NativeLibrary.GetExport(handle, "op_read_float_stereo");
        _free = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(handle, "op_free");
    }

    /// <summary>The decoder, or null when libopusfile0 is not installed.</summary>
    public static OpusFileAudioDecoder? Instance => Shared.Value;

    /// <summary>Decodes Ogg Opus; throws <see cref="AudioDecodingException"/> for a corrupt stream.</summary>
    public DecodedAudio Decode(ReadOnlySpan<byte> content, int maxSeconds)
    {
        var maxFrames = (long)(maxSeconds + 1) * InputRate;
        var mono = new List<float>(capacity: (int)Math.Min(maxFrames, InputRate * 60));
        int error;
        IntPtr file;
        fixed (byte* data = content)
        {
            // op_open_memory reads from the buffer during later calls too, so everything stays inside this fixed block.
            file = _openMemory(data, (nuint)content.Length, &error);
            if (file == IntPtr.Zero)
            {
                throw new AudioDecodingException($"The OGG/Opus voice note could not be opened (libopusfile error {error}).");
            }

            try
            {
                var stereo = new float[2 * 5760];
                fixed (float* buffer = stereo)
                {
                    while (mono.Count < maxFrames)
                    {
                        var frames = _readFloatStereo(file, buffer, stereo.Length);
                        if (frames == 0)
                        {
                            break;
                        }

                        if (frames < 0)
                        {
                            throw new AudioDecodingException($"The OGG/Opus voice note is damaged (libopusfile error {frames}).");
                        }

                        for (var i = 0; i < frames; i++)
                        {
                            mono.Add(0.5f * (buffer[2 * i] + buffer[(2 * i) + 1]));
                        }
                    }
                }
            }
            finally
            {
                _free(file);
            }
        }

        if (mono.Count == 0)
        {
            throw new AudioDecodingException("The OGG/Opus voice note holds no sound.");
        }

        return new DecodedAudio(Decimate(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mono)), AudioFormat.OggOpus);
    }

    /// <summary>Low-pass filters 48 kHz samples and keeps every third one.</summary>
    internal static float[] Decimate(ReadOnlySpan<float> input)
    {
        var output = new float[input.Length / Factor];
        var half = LowPass.Length / 2;
        for (var o = 0; o < output.Length; o++)
        {
            var center = o * Factor;
            var sum = 0f;
            for (var k = 0; k < LowPass.Length; k++)
            {
                var i = center + k - half;
                if ((uint)i < (uint)input.Length)
                {
                    sum += LowPass[k] * input[i];
                }
            }

            output[o] = sum;
        }

        return output;
    }

    // Blackman-windowed sinc, unity gain at DC; cutoff as a fraction of the input rate.
    private static float[] DesignLowPass(int taps, double cutoff)
    {
        var h = new double[taps];
        var m = taps - 1;
        var sum = 0.0;
        for (var n = 0; n < taps; n++)
        {
            var x = n - (m / 2.0);
            var sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            var window = 0.42 - (0.5 * Math.Cos(2 * Math.PI * n / m)) + (0.08 * Math.Cos(4 * Math.PI * n / m));
            h[n] = sinc * window;
            sum += h[n];
        }

        return [.. h.Select(v => (float)(v / sum))];
    }

    private static OpusFileAudioDecoder? TryLoad() =>
        NativeLibrary.TryLoad(LibraryName, out var handle) ? new OpusFileAudioDecoder(handle) : null;
}
