using System.Net.Http.Headers;
using System.Text;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>A throw-away RabbitMQ virtual host (management API), so the benchmark's queues are its own.</summary>
internal sealed class BenchVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _http;

    private BenchVirtualHost(HttpClient http, string name)
    {
        _http = http;
        Name = name;
    }

    public string Name { get; }

    public static async Task<BenchVirtualHost> CreateAsync(Uri management, string user, string password)
    {
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var name = $"hetero-bench-{Guid.NewGuid():N}"[..24];
        (await http.PutAsync(new Uri($"api/vhosts/{name}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var body = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync(new Uri($"api/permissions/{name}/{Uri.EscapeDataString(user)}", UriKind.Relative), body)).EnsureSuccessStatusCode();
        return new BenchVirtualHost(http, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _http.DeleteAsync(new Uri($"api/vhosts/{Name}", UriKind.Relative));
        _http.Dispose();
    }
}
