using HeteroAgents.Contracts;
using HeteroAgents.Plugins.SemanticKernel;
using Microsoft.SemanticKernel;
using Xunit.Abstractions;

namespace HeteroAgents.Plugins.Tests.BadInput;

/// <summary>
/// The bad-input corpus replayed through the SK plugin: every case the plugin's parameters can express fails with an
/// <see cref="ArgumentException"/> naming the parameter at fault, and nothing is published.
/// </summary>
public sealed class PluginBadInputCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_expressible_corpus_case_throws_ArgumentException_naming_the_parameter_before_publishing()
    {
        var calls = PluginCorpusCall.Load();
        await using var host = await HarnessHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Hetero:Plugins:RequestTimeout"] = "00:00:00.200",
            ["Hetero:Plugins:MaxTextChars"] = PluginCorpusCall.MaxTextChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services);
        var problems = new List<string>();

        foreach (var call in calls)
        {
            var before = PublishedCount(host);
            string verdict;
            try
            {
                await kernel.InvokeAsync("hetero", call.Function, call.Arguments);
                verdict = "no exception";
            }
            catch (ArgumentException ex) when (ex.ParamName == call.Parameter)
            {
                verdict = PublishedCount(host) == before ? "ok" : "threw, but after publishing";
                output.WriteLine($"{call.Name,-60} {call.Function,-10} ArgumentException({ex.ParamName}): {Short(ex.Message)}");
            }
            catch (KernelException ex) when (ex.Message.Contains($"Missing argument for function parameter '{call.Parameter}'", StringComparison.Ordinal))
            {
                // A required parameter left out: Semantic Kernel refuses the call, naming it, before the function runs.
                verdict = PublishedCount(host) == before ? "ok" : "threw, but after publishing";
                output.WriteLine($"{call.Name,-60} {call.Function,-10} KernelException: {Short(ex.Message)}");
            }
#pragma warning disable CA1031 // Any other outcome is a finding to report, not a crash of the test.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                verdict = $"{ex.GetType().Name}({(ex as ArgumentException)?.ParamName}): {Short(ex.Message)}";
            }

            if (verdict != "ok")
            {
                problems.Add($"{call.Name} {call.Function}({call.Parameter}): {verdict}");
            }
        }

        foreach (var problem in problems)
        {
            output.WriteLine("FAIL " + problem);
        }

        output.WriteLine($"plugin bad-input corpus: {calls.Count} cases tried, {calls.Count - problems.Count} passed");
        Assert.True(calls.Count >= 40, $"only {calls.Count} corpus cases map to plugin calls");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static int PublishedCount(HarnessHost host) =>
        host.Harness.Published.Select<ClassifyTask>().Count() + host.Harness.Published.Select<ExtractTask>().Count() +
        host.Harness.Published.Select<ToolCallTask>().Count() + host.Harness.Published.Select<SummarizeTask>().Count();

    private static string Short(string message) => message.Length > 140 ? message[..140] + "…" : message;
}
