using System.Runtime.InteropServices;
using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Tests.Onnx;

public sealed class NativeHeapTests
{
    [Fact]
    public void On_linux_with_glibc_the_trim_reaches_malloc_trim()
    {
        // The CI and worker images are glibc Linux; a lookup that silently failed would leave a dropped session in RSS.
        var glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);
        Assert.Equal(glibc, NativeHeap.Trim());
    }
}
