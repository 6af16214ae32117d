namespace HeteroAgents.Inference.Tests.TestSupport;

internal static class TempDirectory
{
    public static string Create()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hetero-inference-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
