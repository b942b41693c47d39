using System.Runtime.InteropServices;

namespace AnnotatedNorm.Publishing;

/// <summary>Swaps two paths in one step with Linux's <c>renameat2(RENAME_EXCHANGE)</c>, where the kernel and file system offer it.</summary>
internal static class AtomicExchange
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    /// <summary>Exchanges <paramref name="a"/> and <paramref name="b"/>, both existing; false (nothing changed) where that cannot be done in one step.</summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 has no wrapper for the system call.
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
