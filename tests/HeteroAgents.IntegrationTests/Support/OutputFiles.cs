using System.Text;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>Reads input and output files for assertions.</summary>
internal static class OutputFiles
{
    public static List<BatchOutputLine> Read(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<BatchOutputLine>(l, HeteroJson.Options)!).ToList();

    public static Dictionary<string, ITaskMessage> Tasks(string inputPath)
    {
        var parser = new TaskInputParser(new TaskInputParserOptions());
        var tasks = new Dictionary<string, ITaskMessage>(StringComparer.Ordinal);
        long n = 0;
        foreach (var line in File.ReadLines(inputPath))
        {
            n++;
            var parsed = parser.Parse(Encoding.UTF8.GetBytes(line), n, "check");
            if (parsed.IsSuccess)
            {
                tasks.Add(parsed.CustomId, parsed.Task);
            }
        }

        return tasks;
    }

    public static async Task<List<string>> SchemaErrorsAsync(ITaskMessage task, JsonElement result)
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(ResultSchemas.ToJsonString(ResultSchemas.For(task)));
        return schema.Validate(result.GetRawText()).Select(e => $"{e.Path}: {e.Kind}").ToList();
    }
}
