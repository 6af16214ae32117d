using HeteroAgents.Inference.Chat;
using HeteroAgents.Inference.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Tests.Chat;

public sealed class OnnxChatClientServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Configured_model_is_served_as_an_IChatClient()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Onnx:ModelPath"] = TinyModel.Directory,
            ["Hetero:Onnx:IntraOpThreads"] = "1",
            ["Hetero:Onnx:DefaultMaxOutputTokens"] = "3",
        });
        builder.Services.AddOnnxChatClient();
        using var host = builder.Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<IChatClient>();
        var response = await client.GetResponseAsync("hello");

        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 1, 3);
        Assert.Equal(1, host.Services.GetRequiredService<IOptions<HeteroAgents.Inference.Onnx.OnnxModelOptions>>().Value.IntraOpThreads);
        await host.StopAsync();
    }

    [Fact]
    public async Task Missing_model_path_fails_validation_at_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOnnxChatClient();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Hetero:Onnx:ModelPath", ex.Message, StringComparison.Ordinal);
    }
}
