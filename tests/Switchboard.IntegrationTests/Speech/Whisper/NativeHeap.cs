using System.Runtime.InteropServices;

namespace Switchboard.IntegrationTests.Speech.Whisper;

/// <summary>glibc's malloc statistics: bytes in use on the native heap, including large mmapped blocks.</summary>
internal static class NativeHeap
{
    public static long InUseBytes()
    {
        var info = MallInfo2();
        return (long)(info.Uordblks + info.Hblkhd);
    }

    // DllImport, not LibraryImport: the struct is blittable so nothing is marshalled, and the test
    // project does not need AllowUnsafeBlocks for this one call.
    [DllImport("libc.so.6", EntryPoint = "mallinfo2")]
    private static extern MallInfo MallInfo2();

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo
    {
        public nuint Arena;
        public nuint Ordblks;
        public nuint Smblks;
        public nuint Hblks;
        public nuint Hblkhd;
        public nuint Usmblks;
        public nuint Fsmblks;
        public nuint Uordblks;
        public nuint Fordblks;
        public nuint Keepcost;
    }
}
