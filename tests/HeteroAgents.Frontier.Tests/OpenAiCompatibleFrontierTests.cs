using HeteroAgents.Contracts;
using HeteroAgents.Testing.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Frontier.Tests;

/// <summary>The configured frontier over HTTP: options → OpenAI client → structured output → validated resolution.</summary>
public sealed class OpenAiCompatibleFrontierTests
{
    [Fact]
    public async Task A_configured_endpoint_resolves_escalations_with_json_schema_structured_output_and_the_key_from_the_environment()
    {
        var keyVariable = "HETERO_TEST_FRONTIER_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(keyVariable, "test-secret");
        await using var server = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { Responder = _ => """{"label":"shipping"}""" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Frontier:Endpoint"] = server.BaseAddress + "/",
            ["Hetero:Frontier:Model"] = "big-model",
            ["Hetero:Frontier:ApiKeyEnvironmentVariable"] = keyVariable,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeteroFrontier(configuration);
        await using var provider = services.BuildServiceProvider(true);
        var task = new ClassifyTask(TaskIds.Create("b9", "t1"), "b9", "t1", new ClassifyInput("The parcel is late.", ["refund", "shipping"]));

        try
        {
            var resolution = await provider.GetRequiredService<EscalationResolver>().ResolveAsync(task, EscalationReason.LowConfidence);

            Assert.Equal("shipping", resolution.Result.GetProperty("label").GetString());
            Assert.StartsWith("frontier:", resolution.ServedBy, StringComparison.Ordinal);
            Assert.True(resolution.Usage.TotalTokens > 0);
            var request = Assert.Single(server.Requests);
            Assert.Equal("big-model", request.Model);
            Assert.Equal("json_schema", request.ResponseFormatType);
            Assert.Equal("Bearer test-secret", request.Authorization);
            Assert.Equal(2, request.Schema!.Value.GetProperty("properties").GetProperty("label").GetProperty("enum").GetArrayLength());
            Assert.Contains("The parcel is late.", request.UserText, StringComparison.Ordinal);
            // The conversion-loop tags stay out of the HTTP request when no flywheel middleware consumes them.
            Assert.DoesNotContain("hetero.flywheel", request.Body.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(keyVariable, null);
        }
    }

    [Fact]
    public async Task An_HTTP_error_from_the_endpoint_fails_with_BackendError()
    {
        await using var server = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { Responder = _ => """{"label":"shipping"}""" });
        server.FailNext(10, 500);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Frontier:Endpoint"] = server.BaseAddress + "/",
            ["Hetero:Frontier:Model"] = "big-model",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeteroFrontier(configuration);
        await using var provider = services.BuildServiceProvider(true);
        var task = new ClassifyTask(TaskIds.Create("b9", "t2"), "b9", "t2", new ClassifyInput("The parcel is late.", ["refund", "shipping"]));

        var ex = await Assert.ThrowsAsync<FrontierResolutionException>(() => provider.GetRequiredService<EscalationResolver>().ResolveAsync(task));

        Assert.Equal(FrontierFailureKind.BackendError, ex.Kind);
    }
}
