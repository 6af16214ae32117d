using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>
/// A local HTTP server laid out like the Hugging Face hub (listing API + resolve URLs with ranges), able to serve a
/// corrupted file or cut a download short, for testing the model store without network.
/// </summary>
internal sealed class FakeHubServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public FakeHubServer(string repository, string revision)
    {
        Repository = repository;
        Revision = revision;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Repository { get; }

    public string Revision { get; }

    public Uri Endpoint { get; }

    /// <summary>Paths whose served bytes differ from the listed hash.</summary>
    public HashSet<string> Corrupt { get; } = [];

    /// <summary>Paths whose next download stops after half the bytes (connection dropped).</summary>
    public HashSet<string> CutOnce { get; } = [];

    /// <summary>Every file request: path and the Range header, if any.</summary>
    public ConcurrentQueue<(string Path, string? Range)> Requests { get; } = new();

    /// <summary>The <c>Authorization</c> header of every request (listing and files), null when absent.</summary>
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>Extra sibling names listed but never served (e.g. unsafe names).</summary>
    public List<string> ExtraSiblings { get; } = [];

    public void Add(string path, byte[] content) => _files[path] = content;

    public void Dispose()
    {
        _listener.Abort(); // not Stop + Close, which can re-bind the port on Linux (see FakeOpenAiCompatibleServer)
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        Authorizations.Enqueue(context.Request.Headers["Authorization"]);
        try
        {
            if (path == $"/api/models/{Repository}/revision/{Revision}")
            {
                var json = Encoding.UTF8.GetBytes(Listing());
                response.ContentType = "application/json";
                response.OutputStream.Write(json);
                response.Close();
                return;
            }

            var prefix = $"/{Repository}/resolve/{Revision}/";
            var file = path.StartsWith(prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(path[prefix.Length..]) : null;
            if (file is null || !_files.TryGetValue(file, out var content))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }

            var range = context.Request.Headers["Range"];
            Requests.Enqueue((file, range));
            if (Corrupt.Contains(file))
            {
                content = [.. content];
                content[content.Length / 2] ^= 0xFF;
            }

            var offset = 0L;
            if (range is not null && range.StartsWith("bytes=", StringComparison.Ordinal))
            {
                offset = long.Parse(range[6..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {offset}-{content.Length - 1}/{content.Length}";
            }

            response.ContentLength64 = content.Length - offset;
            if (CutOnce.Remove(file))
            {
                response.OutputStream.Write(content, (int)offset, (int)((content.Length - offset) / 2));
                response.OutputStream.Flush();
                response.Abort();
                return;
            }

            response.OutputStream.Write(content, (int)offset, (int)(content.Length - offset));
            response.Close();
        }
        catch (HttpListenerException)
        {
            response.Abort();
        }
    }

    private string Listing()
    {
        var siblings = _files.Select(kv => kv.Value.Length > 1000
            ? (object)new { rfilename = kv.Key, size = kv.Value.Length, blobId = "0", lfs = new { sha256 = Convert.ToHexStringLower(SHA256.HashData(kv.Value)), size = kv.Value.Length, pointerSize = 134 } }
            : new { rfilename = kv.Key, size = kv.Value.Length, blobId = GitBlobId(kv.Value) }).ToList();
        siblings.AddRange(ExtraSiblings.Select(n => (object)new { rfilename = n, size = 1, blobId = "0" }));
        return JsonSerializer.Serialize(new { id = Repository, sha = "0123456789abcdef0123456789abcdef01234567", siblings });
    }

    private static string GitBlobId(byte[] content)
        => Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));
}
