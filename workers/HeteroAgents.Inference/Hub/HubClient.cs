using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HeteroAgents.Inference.Hub;

/// <summary>
/// Talks to a Hugging Face-layout hub: <c>GET {endpoint}/api/models/{repo}/revision/{rev}?blobs=true</c> lists the files
/// with their LFS SHA-256 and sizes; <c>GET {endpoint}/{repo}/resolve/{rev}/{path}</c> serves a file (HTTP ranges honoured).
/// </summary>
public sealed class HubClient
{
    private readonly HttpClient _http;
    private readonly HubOptions _options;

    /// <summary>Creates the client over an <see cref="HttpClient"/> (from <c>IHttpClientFactory</c> in apps).</summary>
    public HubClient(HttpClient http, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
    }

    /// <summary>Lists a repository revision.</summary>
    /// <exception cref="HubDownloadException">The repository or revision does not exist, or the answer is malformed.</exception>
    public async Task<HubModelInfo> GetModelInfoAsync(string repository, string revision, CancellationToken cancellationToken = default)
    {
        ValidateRepository(repository);
        var uri = new Uri(_options.Endpoint, $"api/models/{repository}/revision/{Uri.EscapeDataString(revision)}?blobs=true");
        using var request = Request(uri);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized)
        {
            throw new HubDownloadException($"The hub at {_options.Endpoint} has no model '{repository}' at revision '{revision}' ({(int)response.StatusCode}).");
        }

        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = doc.RootElement;
            if (!root.TryGetProperty("siblings", out var siblings) || siblings.ValueKind != JsonValueKind.Array)
            {
                throw new HubDownloadException($"The hub's answer for '{repository}@{revision}' has no 'siblings' list.");
            }

            var files = new List<HubFile>();
            foreach (var s in siblings.EnumerateArray())
            {
                var name = s.TryGetProperty("rfilename", out var n) ? n.GetString() : null;
                if (string.IsNullOrEmpty(name))
                {
                    throw new HubDownloadException($"The hub's answer for '{repository}@{revision}' has a sibling without 'rfilename'.");
                }

                long? size = s.TryGetProperty("size", out var sz) && sz.ValueKind == JsonValueKind.Number ? sz.GetInt64() : null;
                string? sha256 = null;
                if (s.TryGetProperty("lfs", out var lfs) && lfs.ValueKind == JsonValueKind.Object)
                {
                    sha256 = lfs.TryGetProperty("sha256", out var h) ? h.GetString() : null;
                    size = lfs.TryGetProperty("size", out var ls) && ls.ValueKind == JsonValueKind.Number ? ls.GetInt64() : size;
                }

                var blob = s.TryGetProperty("blobId", out var b) ? b.GetString() : null;
                files.Add(new HubFile(name, size, sha256, sha256 is null ? blob : null));
            }

            var commit = root.TryGetProperty("sha", out var c) ? c.GetString() : null;
            return new HubModelInfo(repository, commit, files);
        }
    }

    /// <summary>Opens a file's content from <paramref name="offset"/>; returns the stream and whether the server honoured the range.</summary>
    public async Task<(HttpResponseMessage Response, bool Resumed)> OpenFileAsync(string repository, string revision, string path, long offset, CancellationToken cancellationToken = default)
    {
        ValidateRepository(repository);
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        using var request = Request(new Uri(_options.Endpoint, $"{repository}/resolve/{Uri.EscapeDataString(revision)}/{escaped}"));
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return (response, true);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new HubDownloadException($"Downloading '{path}' of '{repository}@{revision}' failed with HTTP {status}.");
        }

        return (response, response.StatusCode == HttpStatusCode.PartialContent);
    }

    private static void ValidateRepository(string repository)
    {
        var parts = repository?.Split('/') ?? [];
        if (parts.Length is < 1 or > 2 || parts.Any(p => p.Length == 0 || p is "." or ".." || p.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))))
        {
            throw new ArgumentException($"'{repository}' is not a hub repository name (owner/name).", nameof(repository));
        }
    }

    private HttpRequestMessage Request(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (!string.IsNullOrEmpty(_options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        }

        return request;
    }
}
