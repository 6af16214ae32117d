using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Frontier;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Flywheel.Tests;

/// <summary>S1 → S6 in sequence, as the CLI commands would run them.</summary>
public sealed class ConversionLoopTests
{
    [Fact]
    public async Task Logged_calls_flow_through_scrub_cluster_export_and_eval()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var logDir = Path.Combine(dir.Path, "log");
        var synthetic = new SyntheticLog(31);
        var frontier = ScriptedChatClient.FromAnswers(request =>
        {
            var messages = request.Messages;
            var user = messages.Last().Text;
            return new ScriptedAnswer(user.Contains("INVOICE", StringComparison.Ordinal) ? "{\"vendor\":\"Acme\",\"total\":1,\"date\":\"2026-01-01\"}" : "{\"label\":\"refund\"}",
                Model: "gpt-4o-mini");
        });

        // S1: the application's frontier calls go through the logging middleware.
        await using (var log = new JsonlFrontierCallLog(logDir))
        {
            using var client = new ChatClientBuilder(frontier).UseFlywheelLogging(log).Build();
            for (var i = 0; i < 300; i++)
            {
                var ticket = synthetic.TicketRouting();
                var invoice = synthetic.InvoiceExtract();
                foreach (var r in new[] { ticket, invoice })
                {
                    var user = r.Messages[1].Content + (i % 10 == 0 ? $" Reply to customer{i}@example.net." : "");
                    var options = new FlywheelCallContext(r.TaskType, r.WorkloadId, i % 5 == 0 ? EscalationReason.LowConfidence : null)
                        .WithFlywheelContext(new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(r.ResponseSchema!.Value, "result") });
                    await client.GetResponseAsync([new(ChatRole.System, r.Messages[0].Content), new(ChatRole.User, user)], options);
                }
            }
        }

        // S2
        var scrubbedPath = Path.Combine(dir.Path, "scrubbed.jsonl");
        var scrub = await FlywheelScrubber.ScrubFileAsync(logDir, scrubbedPath);
        Assert.Equal((600L, 60L), (scrub.Records, scrub.Replacements[PiiType.Email]));

        // S3
        var clustering = new ClusteringOptions { MinExamplesToFineTune = 250 };
        var clusters = await FlywheelClusterer.ClusterFileAsync(scrubbedPath, clustering);
        Assert.Equal(2, clusters.Clusters.Count);
        Assert.All(clusters.Clusters, c => Assert.Equal((300, true, 0.2), (c.Size, c.ReadyToFineTune, c.EscalationRate)));
        var tickets = clusters.Clusters.Single(c => c.TaskType == "classify");

        // S4/S5
        var export = await FlywheelExporter.ExportAsync(scrubbedPath, tickets.Id, Path.Combine(dir.Path, "export"), new ExportOptions { Clustering = clustering });
        Assert.Equal(300, export.TrainExamples + export.EvalExamples);
        Assert.DoesNotContain("@example.net", await File.ReadAllTextAsync(export.TrainPath), StringComparison.Ordinal);

        // S6: an SLM that always answers "refund" agrees on every held-out ticket.
        var slm = ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("{\"label\":\"refund\"}", 0.8));
        var eval = await FlywheelEvaluator.EvaluateFileAsync(scrubbedPath, slm, new EvalOptions { Clustering = clustering, ClusterId = tickets.Id });
        var agreement = Assert.Single(eval.Clusters);
        Assert.Equal(export.EvalExamples, agreement.Replayed);
        Assert.Equal(1.0, agreement.Agreement);
        Assert.True(agreement.ReadyToMove);
        Assert.Equal(new ConfidenceThreshold(0.8, 1.0, 1.0), agreement.Threshold);
    }
}
