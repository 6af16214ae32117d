using System.Runtime.InteropServices;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>Sends POSIX signals (there is no managed API for sending SIGTERM to another process).</summary>
internal static partial class UnixSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM to <paramref name="processId"/>; false when unsupported here or the process is gone.</summary>
    public static bool TrySendTerminate(int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return Kill(processId, SigTerm) == 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
