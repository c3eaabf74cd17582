using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Zeroed arrays for tables probed at random (<see cref="RowKeySet"/>). From 4 MiB up, on Linux, the array is pinned and
/// its pages are advised as transparent huge pages before it is first written: a 64 MiB table is then 32 page faults
/// instead of 16,384, and its random probes miss the TLB far less. On a virtual machine each 4 KiB fault cost ~15 us,
/// more than the million probes of a 1,000,000-row matchups.csv (docs/performance.md). Only a hint: where the kernel
/// gives no huge pages (THP off, other systems), the array is an ordinary zeroed one.
/// </summary>
internal static class LargeTable
{
    private const int MinimumBytes = 4 << 20;
    private const int HugePage = 2 << 20;
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, linux/mman.h

    public static T[] Allocate<T>(int length) where T : unmanaged
    {
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes < MinimumBytes || !OperatingSystem.IsLinux()) return new T[length];
        // Uninitialized: a fresh array's pages are not touched yet, so the advice applies when Clear first writes them.
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        var start = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var alignedStart = (start + HugePage - 1) & ~(nint)(HugePage - 1);
        var alignedEnd = (start + (nint)bytes) & ~(nint)(HugePage - 1);
        if (alignedEnd > alignedStart)
        {
            try
            {
                _ = Madvise(alignedStart, (nuint)(alignedEnd - alignedStart), MadviseHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // No libc to ask: 4 KiB pages, as for any array.
            }
        }
        Array.Clear(array);
        return array;
    }

    [DllImport("libc", EntryPoint = "madvise")] // blittable arguments: no marshalling, no unsafe code
    private static extern int Madvise(nint address, nuint length, int advice);
}
