using System.Diagnostics;
using System.Text.Json;
using HeteroAgents.Flywheel;
using YamlDotNet.RepresentationModel;

namespace HeteroAgents.Flywheel.Tests.Export;

/// <summary>
/// The S5 hand-off: the training files are written next to the exported data, the Python files compile
/// (<c>python3 -m py_compile</c>) and, run with <c>--dry-run</c> (no training stack needed), print the data files, base
/// model and hyper-parameters of the recipe; the Axolotl YAML parses and holds the same values; TRAINING.md documents
/// the way back to <c>hetero models register</c>.
/// </summary>
public sealed class TrainingHandOffTests
{
    private static async Task<ExportSummary> ExportAsync(TempDirectory dir, ExportOptions? options = null)
    {
        var log = new SyntheticLog(21);
        var path = dir.File("log.jsonl");
        await File.WriteAllLinesAsync(path, Enumerable.Range(0, 120).Select(_ => log.ReviewSentiment().ToJsonLine()));
        var cluster = Assert.Single((await FlywheelClusterer.ClusterFileAsync(path)).Clusters);
        return await FlywheelExporter.ExportAsync(path, cluster.Id, Path.Combine(dir.Path, "out"), options);
    }

    [Fact]
    public async Task Export_writes_the_training_files_next_to_the_data()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var summary = await ExportAsync(dir);

        var outDir = Path.GetDirectoryName(summary.TrainPath)!;
        Assert.Equal(
            [TrainingHandOff.TrlScript, TrainingHandOff.UnslothScript, TrainingHandOff.MergeScript, TrainingHandOff.AxolotlConfig, TrainingHandOff.Readme],
            summary.TrainingFiles.Select(Path.GetFileName));
        Assert.All(summary.TrainingFiles, f => Assert.Equal(outDir, Path.GetDirectoryName(f)));
        Assert.All(summary.TrainingFiles, f => Assert.DoesNotContain("@@", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_python_files_compile()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var summary = await ExportAsync(dir);

        foreach (var script in summary.TrainingFiles.Where(f => f.EndsWith(".py", StringComparison.Ordinal)))
        {
            var (code, output, errors) = await Python("-m", "py_compile", script);
            Assert.True(code == 0, $"{Path.GetFileName(script)} does not compile: {output}{errors}");
        }
    }

    [Theory]
    [InlineData(TrainingHandOff.TrlScript)]
    [InlineData(TrainingHandOff.UnslothScript)]
    public async Task A_training_script_names_the_data_model_and_hyper_parameters_of_the_recipe(string script)
    {
        using var dir = new TempDirectory("flywheel-tests");
        var summary = await ExportAsync(dir);
        var r = summary.Recipe;

        using var config = await DryRunAsync(summary, script);
        var root = config.RootElement;

        Assert.Equal("HuggingFaceTB/SmolLM2-360M-Instruct", r.BaseModel);
        Assert.Equal(r.BaseModel, root.GetProperty("base_model").GetString());
        Assert.Equal(summary.TrainPath, root.GetProperty("train_file").GetString());
        Assert.Equal(summary.EvalPath, root.GetProperty("eval_file").GetString());
        var lora = root.GetProperty("lora");
        Assert.Equal((r.LoraRank, r.LoraAlpha, r.LoraDropout), (lora.GetProperty("r").GetInt32(), lora.GetProperty("lora_alpha").GetInt32(), lora.GetProperty("lora_dropout").GetDouble()));
        Assert.Equal(r.TargetModules, lora.GetProperty("target_modules").EnumerateArray().Select(e => e.GetString()));
        var sft = root.GetProperty("sft");
        Assert.Equal(r.LearningRate, sft.GetProperty("learning_rate").GetDouble());
        Assert.Equal(r.Epochs, sft.GetProperty("num_train_epochs").GetInt32());
        Assert.Equal(r.MaxSeqLen, sft.GetProperty("max_length").GetInt32());
        Assert.Equal(r.MicroBatchSize, sft.GetProperty("per_device_train_batch_size").GetInt32());
        Assert.Equal(r.GradientAccumulationSteps, sft.GetProperty("gradient_accumulation_steps").GetInt32());
        Assert.Equal(r.CompletionOnlyLoss, sft.GetProperty("completion_only_loss").GetBoolean());
        Assert.Equal(r.Seed, sft.GetProperty("seed").GetInt32());
        Assert.Equal("epoch", sft.GetProperty("eval_strategy").GetString());
    }

    [Fact]
    public async Task Operator_overrides_reach_the_scripts_and_odd_characters_are_escaped()
    {
        using var dir = new TempDirectory("flywheel-tests");
        const string model = "acme/slm-\"v2\"-ünïcode";
        var summary = await ExportAsync(dir, new ExportOptions { BaseModel = model, LoraRank = 32, LearningRate = 1e-5, Epochs = 5 });

        using var trl = await DryRunAsync(summary, TrainingHandOff.TrlScript);
        using var merge = await DryRunAsync(summary, TrainingHandOff.MergeScript);

        Assert.Equal(model, trl.RootElement.GetProperty("base_model").GetString());
        Assert.Equal((32, 64), (trl.RootElement.GetProperty("lora").GetProperty("r").GetInt32(), trl.RootElement.GetProperty("lora").GetProperty("lora_alpha").GetInt32()));
        Assert.Equal(1e-5, trl.RootElement.GetProperty("sft").GetProperty("learning_rate").GetDouble());
        Assert.Equal(5, trl.RootElement.GetProperty("sft").GetProperty("num_train_epochs").GetInt32());
        Assert.Equal(model, merge.RootElement.GetProperty("base_model").GetString());
        Assert.Equal(Path.Combine(Path.GetDirectoryName(summary.TrainPath)!, "merged"), merge.RootElement.GetProperty("out").GetString());
        Assert.Equal(model, Scalar(Axolotl(summary), "base_model"));
        Assert.Equal("0.00001", Scalar(Axolotl(summary), "learning_rate"));
    }

    [Fact]
    public async Task The_axolotl_config_parses_and_holds_the_recipe()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var summary = await ExportAsync(dir);
        var r = summary.Recipe;

        var yaml = Axolotl(summary);

        Assert.Equal(r.BaseModel, Scalar(yaml, "base_model"));
        var train = (YamlMappingNode)((YamlSequenceNode)yaml.Children[new YamlScalarNode("datasets")]).Children.Single();
        Assert.Equal(("train.jsonl", "json", "chat_template", "messages"), (Scalar(train, "path"), Scalar(train, "ds_type"), Scalar(train, "type"), Scalar(train, "field_messages")));
        var test = (YamlMappingNode)((YamlSequenceNode)yaml.Children[new YamlScalarNode("test_datasets")]).Children.Single();
        Assert.Equal("eval.jsonl", Scalar(test, "path"));
        Assert.Equal(("lora", "8", "16", "0.05"), (Scalar(yaml, "adapter"), Scalar(yaml, "lora_r"), Scalar(yaml, "lora_alpha"), Scalar(yaml, "lora_dropout")));
        Assert.Equal(r.TargetModules, ((YamlSequenceNode)yaml.Children[new YamlScalarNode("lora_target_modules")]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal(("256", "8", "2", "3", "0.0002", "false", "42"), (Scalar(yaml, "sequence_len"), Scalar(yaml, "micro_batch_size"), Scalar(yaml, "gradient_accumulation_steps"),
            Scalar(yaml, "num_epochs"), Scalar(yaml, "learning_rate"), Scalar(yaml, "train_on_inputs"), Scalar(yaml, "seed")));
    }

    [Fact]
    public async Task The_readme_documents_training_conversion_and_registration()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var summary = await ExportAsync(dir);

        var readme = File.ReadAllText(summary.TrainingFiles.Single(f => f.EndsWith(TrainingHandOff.Readme, StringComparison.Ordinal)));

        Assert.Contains(summary.Recipe.BaseModel, readme, StringComparison.Ordinal);
        Assert.Contains($"`train.jsonl` ({summary.TrainExamples} examples", readme, StringComparison.Ordinal);
        Assert.Contains($"`eval.jsonl` ({summary.EvalExamples} examples", readme, StringComparison.Ordinal);
        Assert.Contains("python train_trl.py", readme, StringComparison.Ordinal);
        Assert.Contains("python train_unsloth.py --merge", readme, StringComparison.Ordinal);
        Assert.Contains("optimum-cli export onnx --model merged --task text-generation-with-past onnx", readme, StringComparison.Ordinal);
        Assert.Contains("convert_hf_to_gguf.py merged --outfile", readme, StringComparison.Ordinal);
        Assert.Contains("hetero models register onnx --workload reviews --task classify", readme, StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> DryRunAsync(ExportSummary summary, string script)
    {
        var (code, output, errors) = await Python(summary.TrainingFiles.Single(f => Path.GetFileName(f) == script), "--dry-run");
        Assert.True(code == 0, $"{script} --dry-run failed: {output}{errors}");
        return JsonDocument.Parse(output);
    }

    private static YamlMappingNode Axolotl(ExportSummary summary)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(summary.TrainingFiles.Single(f => f.EndsWith(TrainingHandOff.AxolotlConfig, StringComparison.Ordinal)));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value;

    // python3 runs here and in CI (.ci/start-services.sh installs it); only the standard library is used.
    private static async Task<(int Code, string Output, string Errors)> Python(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("These tests need python3 on PATH (bash .ci/start-services.sh installs it).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
