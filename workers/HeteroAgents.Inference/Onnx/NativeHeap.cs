using System.Runtime.InteropServices;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// Hands the C heap's free memory back to the operating system. ONNX Runtime frees a disposed session's buffers with
/// free(); glibc keeps large freed blocks in the process's heap for reuse, so without a trim a session that was loaded
/// and dropped (the prompt session <see cref="Float32PrefillMode.Auto"/> measured and did not keep) would stay in the
/// worker's RSS (+310 MiB for a 4-bit smollm2-135m).
/// </summary>
internal static partial class NativeHeap
{
    /// <summary>Calls glibc's <c>malloc_trim(0)</c> on Linux; elsewhere (or without glibc) does nothing.</summary>
    /// <returns>Whether <c>malloc_trim</c> ran.</returns>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries without malloc_trim: their memory stays as it is.
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
