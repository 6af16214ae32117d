using System.Text;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>Reads batch output files and checks completed results against their task's result schema.</summary>
internal static class ResultChecks
{
    public static List<BatchOutputLine> ReadOutput(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<BatchOutputLine>(l, HeteroJson.Options)!).ToList();

    /// <summary>The valid tasks of an input file, by custom_id (first occurrence).</summary>
    public static Dictionary<string, ITaskMessage> ReadTasks(string inputPath)
    {
        var parser = new TaskInputParser(new TaskInputParserOptions());
        var tasks = new Dictionary<string, ITaskMessage>(StringComparer.Ordinal);
        long number = 0;
        foreach (var line in File.ReadLines(inputPath))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = parser.Parse(Encoding.UTF8.GetBytes(line), number, "check");
            if (parsed.IsSuccess)
            {
                tasks.TryAdd(parsed.CustomId, parsed.Task);
            }
        }

        return tasks;
    }

    /// <summary>Schema errors of a completed line's result against its task's narrowed result schema (empty when valid).</summary>
    public static async Task<IReadOnlyCollection<string>> SchemaErrorsAsync(ITaskMessage task, BatchOutputLine line)
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(ResultSchemas.ToJsonString(ResultSchemas.For(task)));
        return schema.Validate(line.Result!.Value.GetRawText()).Select(e => $"{e.Path}: {e.Kind}").ToList();
    }
}
