using HeteroAgents.Testing.Models;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Worker.Tests.Backends;

/// <summary>
/// The model a routing policy names on an in-process backend: a promoted candidate's folder is loaded next to the
/// worker's own model and answers with its own <c>served_by</c>; a name that is no folder, or a folder that does not
/// load, leaves the worker's own model serving.
/// </summary>
public sealed class SlmModelClientsTests
{
    [Fact]
    public async Task A_candidate_folder_named_by_the_policy_is_loaded_next_to_the_workers_own_model()
    {
        var candidate = TinyModels.Copy();
        var broken = Directory.CreateTempSubdirectory("hetero-broken-model-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hetero:Slm:Model"] = TinyModels.Llama,
                ["Hetero:Slm:MaxOutputTokens"] = "8",
                ["Hetero:Onnx:IntraOpThreads"] = "1",
            }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddHeteroWorker(configuration);
            await using var provider = services.BuildServiceProvider();
            var clients = provider.GetRequiredService<SlmModelClients>();
            var host = provider.GetRequiredService<OnnxModelHost>();

            var (own, ownServedBy) = clients.For(null);
            var (other, otherServedBy) = clients.For(candidate);
            var (again, _) = clients.For(candidate);
            var (unknown, unknownServedBy) = clients.For("acme/not-a-folder-here");
            var (unloadable, unloadableServedBy) = clients.For(broken);

            Assert.Equal("slm:tiny-llama", ownServedBy);
            Assert.NotSame(own, other);
            Assert.Same(other, again);
            Assert.Equal("slm:" + Path.GetFileName(candidate), otherServedBy);
            Assert.Same(own, unknown);
            Assert.Equal(ownServedBy, unknownServedBy);
            Assert.Same(own, unloadable);
            Assert.Equal(ownServedBy, unloadableServedBy);
            Assert.NotSame(host.Get(TinyModels.Llama), host.Get(candidate));
            Assert.Equal(Path.GetFullPath(TinyModels.Llama), Path.GetFullPath(host.LoadedDirectory!));

            var answer = await other.GetResponseAsync([new ChatMessage(ChatRole.User, "Say hi.")], new ChatOptions { MaxOutputTokens = 4 });
            Assert.True(answer.Usage?.OutputTokenCount > 0);
        }
        finally
        {
            Directory.Delete(candidate, recursive: true);
            Directory.Delete(broken, recursive: true);
        }
    }
}
