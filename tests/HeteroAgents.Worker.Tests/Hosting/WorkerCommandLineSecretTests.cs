using HeteroAgents.Messaging;
using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Tests.Hosting;

/// <summary>The worker host built the way Program.cs builds it: secrets on its command line stop it at start.</summary>
public sealed class WorkerCommandLineSecretTests
{
    private static async Task<OptionsValidationException?> StartAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
        builder.Configuration.AddWorkerCommandLine(args);
        builder.Services.AddHeteroMessaging(builder.Configuration, x => x.AddHeteroTaskConsumers(Contracts.TaskType.Classify));
        builder.Services.AddHeteroWorker(builder.Configuration);
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
            await host.StopAsync();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Theory]
    [InlineData("--Hetero:Slm:ApiKey=cli-api-key-7781", "Hetero:Slm:ApiKey")]
    [InlineData("--Hetero:Messaging:RabbitMq:Password=cli-rabbit-pw-7781", "Hetero:Messaging:RabbitMq:Password")]
    public async Task A_secret_argument_stops_the_worker_naming_the_setting_not_the_value(string argument, string setting)
    {
        var ex = await StartAsync(["--task", "classify", argument]);

        Assert.NotNull(ex);
        Assert.Contains(setting + " must not be given on the command line", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("7781", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_arguments_start_the_worker()
    {
        Assert.Null(await StartAsync(["--task", "classify", "--Hetero:Slm:Temperature=0"]));
    }
}
