using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HeteroAgents.Inference.Hub;

/// <summary>
/// The local model cache: pulls repository revisions from the hub into <c>&lt;cache&gt;/&lt;repo&gt;/&lt;revision&gt;</c>
/// with resume (HTTP ranges on <c>.partial</c> files), SHA-256 (LFS) or git-blob verification, and progress; lists and
/// resolves cached models. Used by <c>hetero models pull|list</c> and by workers' <c>--model</c>.
/// </summary>
public sealed class ModelStore
{
    /// <summary>Name of the manifest written next to a completed pull.</summary>
    public const string ManifestName = ".hetero-model.json";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };
    private readonly HubClient _hub;
    private readonly HubOptions _options;

    /// <summary>Creates the store.</summary>
    public ModelStore(HubClient hub, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(options);
        _hub = hub;
        _options = options;
    }

    /// <summary>The folder a repository revision is (or would be) cached in.</summary>
    public string PathFor(string repository, string revision = ModelReference.DefaultRevision)
        => Path.Combine(_options.CacheDirectory, Path.Combine(repository.Split('/')), revision);

    /// <summary>The folder <paramref name="model"/> is (or would be) cached in.</summary>
    public string PathFor(ModelReference model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return PathFor(model.Repository, model.Revision);
    }

    /// <summary>
    /// Downloads the files of a repository revision: those matching the glob patterns, or without patterns the files the
    /// runtime needs with the decoder export that suits the machine (<see cref="PullPlan"/>; <see cref="LocalModel.OnnxFile"/>
    /// says which), or from a repository of GGUF files the one quantization that suits it (<see cref="LocalModel.GgufFile"/>).
    /// </summary>
    /// <exception cref="HubDownloadException">Unknown repository, unsafe file name, or a file that fails verification twice.</exception>
    public async Task<LocalModel> PullAsync(string repository, string revision = ModelReference.DefaultRevision, IReadOnlyList<string>? include = null, IProgress<DownloadProgress>? progress = null, bool gpu = false, CancellationToken cancellationToken = default)
    {
        var info = await _hub.GetModelInfoAsync(repository, revision, cancellationToken).ConfigureAwait(false);
        var dir = PathFor(repository, revision);

        // A listing with an unsafe name is refused whole, whether or not that file would be downloaded.
        foreach (var file in info.Files)
        {
            _ = SafePath(dir, file.Path);
        }

        var patterns = (include ?? []).Select(GlobToRegex).ToList();
        var plan = patterns.Count == 0 ? PullPlan.Choose(info.Files, gpu) : null;
        var files = plan?.Files.ToList() ?? info.Files.Where(f => patterns.Any(p => p.IsMatch(f.Path))).ToList();
        if (files.Count == 0)
        {
            throw new HubDownloadException($"No file of '{repository}@{revision}' matches {string.Join(", ", include ?? [])}.");
        }

        Directory.CreateDirectory(dir);
        for (var i = 0; i < files.Count; i++)
        {
            var target = SafePath(dir, files[i].Path);
            if (File.Exists(target) && await VerifyAsync(target, files[i], cancellationToken).ConfigureAwait(false) is null)
            {
                progress?.Report(new DownloadProgress(files[i].Path, new FileInfo(target).Length, files[i].Size, i, files.Count));
                continue;
            }

            await DownloadAsync(repository, revision, files[i], target, i, files.Count, progress, cancellationToken).ConfigureAwait(false);
        }

        var model = new LocalModel(repository, revision, info.Commit, dir, files) { OnnxFile = plan?.Export?.Path, GgufFile = plan?.GgufFile };
        await File.WriteAllTextAsync(Path.Combine(dir, ManifestName), JsonSerializer.Serialize(model, ManifestJson), cancellationToken).ConfigureAwait(false);
        return model;
    }

    /// <summary>Models completely pulled into the cache.</summary>
    public IReadOnlyList<LocalModel> List()
    {
        if (!Directory.Exists(_options.CacheDirectory))
        {
            return [];
        }

        var models = new List<LocalModel>();
        foreach (var manifest in Directory.EnumerateFiles(_options.CacheDirectory, ManifestName, SearchOption.AllDirectories))
        {
            try
            {
                if (JsonSerializer.Deserialize<LocalModel>(File.ReadAllText(manifest)) is { } m)
                {
                    models.Add(m with { Directory = Path.GetDirectoryName(manifest)! });
                }
            }
            catch (JsonException)
            {
                // A damaged manifest means an unusable entry; it is left out of the list.
            }
        }

        return models.OrderBy(m => m.Repository, StringComparer.Ordinal).ThenBy(m => m.Revision, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Resolves <c>--model</c>: an existing folder is used as is; otherwise it must be a <see cref="ModelReference"/>
    /// (<c>owner/name[@revision]</c>) in the cache.
    /// </summary>
    /// <exception cref="HubDownloadException">Neither a folder nor a cached model; the message says how to pull it.</exception>
    public string Resolve(string modelOrRepository)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelOrRepository);
        if (Directory.Exists(modelOrRepository))
        {
            return modelOrRepository;
        }

        var model = ModelReference.TryParse(modelOrRepository, out var parsed) ? parsed : new ModelReference(modelOrRepository);
        return Resolve(model, modelOrRepository);
    }

    /// <summary>The cache folder of <paramref name="model"/>, which must have been pulled.</summary>
    /// <exception cref="HubDownloadException">The model is not in the cache; the message says how to pull it.</exception>
    public string Resolve(ModelReference model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Resolve(model, model.ToString());
    }

    private string Resolve(ModelReference model, string asGiven)
    {
        var dir = PathFor(model);
        if (File.Exists(Path.Combine(dir, ManifestName)))
        {
            return dir;
        }

        throw new HubDownloadException($"Model '{asGiven}' is neither a folder nor in the cache ({_options.CacheDirectory}); run '{model.PullCommand}' or pass --model <dir>.");
    }

    private static string SafePath(string dir, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(dir, relative));
        if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains("..") || !full.StartsWith(Path.GetFullPath(dir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new HubDownloadException($"The hub listed an unsafe file name '{relative}'; refusing to write outside {dir}.");
        }

        return full;
    }

    private static Regex GlobToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        foreach (var ch in glob)
        {
            sb.Append(ch switch { '*' => ".*", '?' => ".", _ => Regex.Escape(ch.ToString()) });
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Returns null when the file matches the hub's size and hash, else the reason it does not.</summary>
    private static async Task<string?> VerifyAsync(string path, HubFile file, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (file.Size is { } size && size != length)
        {
            return $"size {length} bytes, expected {size}";
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            if (file.Sha256 is { } expected)
            {
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
                return string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase) ? null : $"SHA-256 {actual}, expected {expected}";
            }

            if (file.GitBlobId is { } blob)
            {
                using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
                sha1.AppendData(Encoding.ASCII.GetBytes($"blob {length}\0"));
                var buffer = ArrayPool<byte>.Shared.Rent(81920);
                try
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        sha1.AppendData(buffer, 0, read);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                var actual = Convert.ToHexStringLower(sha1.GetHashAndReset());
                return string.Equals(actual, blob, StringComparison.OrdinalIgnoreCase) ? null : $"git blob id {actual}, expected {blob}";
            }
        }

        return null;
    }

    private async Task DownloadAsync(string repository, string revision, HubFile file, string target, int index, int count, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        for (var attempt = 0; ; attempt++)
        {
            var offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
            var (response, resumed) = await _hub.OpenFileAsync(repository, revision, file.Path, offset, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                if (response.StatusCode != System.Net.HttpStatusCode.RequestedRangeNotSatisfiable)
                {
                    var output = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                    await using (output.ConfigureAwait(false))
                    {
                        var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                        await using (input.ConfigureAwait(false))
                        {
                            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
                            try
                            {
                                int read;
                                while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                                {
                                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                                    progress?.Report(new DownloadProgress(file.Path, output.Position, file.Size, index, count));
                                }
                            }
                            finally
                            {
                                ArrayPool<byte>.Shared.Return(buffer);
                            }
                        }
                    }
                }
            }

            var problem = await VerifyAsync(partial, file, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                File.Move(partial, target, overwrite: true);
                return;
            }

            File.Delete(partial);
            if (attempt >= 1)
            {
                throw new HubDownloadException($"'{file.Path}' of '{repository}@{revision}' failed verification after download ({problem}); the partial file was removed.");
            }
        }
    }
}
