using System.Runtime.InteropServices;
using LLama.Native;

namespace HeteroAgents.Inference.LlamaSharp;

/// <summary>
/// Which llama.cpp build the process runs. By default LLamaSharp picks one of the <c>LLamaSharp.Backend.Cpu</c> package's
/// builds by the CPU's AVX level (noavx, avx, avx2, avx512). Those are generic: the avx512 one, for example, is compiled
/// without AVX-512 VNNI, which llama.cpp's int8 dot products for Q4_0/Q8_0 prompt processing use (Q4_0 prompts ≈ 1.27x
/// faster with a build that has it, measured on an AVX-512 VNNI Xeon: docs/BENCHMARKS.md). <see cref="Use"/> points the process at a folder holding a build
/// for this machine instead (<c>scripts/build-llama-cpu.sh</c> makes one; a CUDA build's folder is chosen the same way). The choice is
/// process-wide and must be made before the first model loads.
/// </summary>
public static class LlamaNativeLibrary
{
    private static readonly Lock Gate = new();
    private static string? _folder;

    /// <summary>The llama library's file name on this OS (<c>libllama.so</c>, <c>llama.dll</c>, <c>libllama.dylib</c>).</summary>
    public static string LlamaFileName { get; } = FileName("llama");

    /// <summary>The folder given to <see cref="Use"/>, or null when the package's builds are in use.</summary>
    public static string? Folder
    {
        get
        {
            lock (Gate)
            {
                return _folder;
            }
        }
    }

    /// <summary>Why <paramref name="folder"/> cannot hold a llama.cpp build, or null when it can.</summary>
    public static string? Problem(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return $"'{folder}' is not a folder";
        }

        return File.Exists(Path.Combine(folder, LlamaFileName))
            ? null
            : $"'{folder}' holds no {LlamaFileName} (a llama.cpp build with its ggml libraries, e.g. from scripts/build-llama-cpu.sh)";
    }

    /// <summary>
    /// Makes this process load llama.cpp from <paramref name="folder"/> (its <see cref="LlamaFileName"/>; the ggml
    /// libraries beside it). A second call with the same folder does nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The folder holds no llama library.</exception>
    /// <exception cref="InvalidOperationException">llama.cpp is already loaded in this process (from another folder or the package).</exception>
    public static void Use(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (Problem(full) is { } problem)
        {
            throw new ArgumentException($"Hetero:LlamaSharp:NativeLibraryPath: {problem}.", nameof(folder));
        }

        lock (Gate)
        {
            if (string.Equals(_folder, full, StringComparison.Ordinal))
            {
                return;
            }

            if (NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                throw new InvalidOperationException(
                    $"llama.cpp is already loaded in this process{(_folder is null ? " from the LLamaSharp.Backend.Cpu package" : $" from '{_folder}'")}; " +
                    $"'{full}' (Hetero:LlamaSharp:NativeLibraryPath) must be chosen before the first GGUF model loads.");
            }

            var mtmd = Path.Combine(full, FileName("mtmd"));
            NativeLibraryConfig.All.WithLibrary(Path.Combine(full, LlamaFileName), File.Exists(mtmd) ? mtmd : null);
            _folder = full;
        }
    }

    /// <summary>
    /// llama.cpp's own summary of the loaded build (e.g. <c>CPU : SSE3 = 1 | AVX2 = 1 | AVX512 = 1 | AVX512_VNNI = 1 | …</c>):
    /// the instruction sets it was compiled for. Loads the library if nothing has yet.
    /// </summary>
    public static string SystemInfo()
    {
        var text = Marshal.PtrToStringUTF8(NativeApi.llama_print_system_info()) ?? string.Empty;
        return text.Trim();
    }

    private static string FileName(string library) =>
        OperatingSystem.IsWindows() ? $"{library}.dll" : OperatingSystem.IsMacOS() ? $"lib{library}.dylib" : $"lib{library}.so";
}
