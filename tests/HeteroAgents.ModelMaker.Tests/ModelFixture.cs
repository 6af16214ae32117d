using HeteroAgents.ModelMaker;

namespace HeteroAgents.ModelMaker.Tests;

/// <summary>Writes the tiny models once per test run into a temporary folder.</summary>
public sealed class ModelFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetero-modelmaker-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, ModelFiles> _models = [];

    /// <summary>Writes (or returns the already written) model for a spec.</summary>
    public ModelFiles Get(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = $"{spec.Preset.Name}-{spec.Seed}-{spec.Precision}-{spec.ExternalData}-{(spec.Fused ? "fused" : "plain")}-b{spec.BlockSize}".ToLowerInvariant();
        lock (_models)
        {
            if (!_models.TryGetValue(key, out var files))
            {
                files = ModelWriter.Write(spec with { WriteGguf = true }, Path.Combine(_root, key));
                _models[key] = files;
            }

            return files;
        }
    }

    /// <summary>A fresh empty folder under the fixture root.</summary>
    public string NewDirectory() => Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
