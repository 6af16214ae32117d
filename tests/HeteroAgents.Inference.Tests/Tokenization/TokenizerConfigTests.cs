using HeteroAgents.Inference.Tests.TestSupport;
using HeteroAgents.Inference.Tokenization;

namespace HeteroAgents.Inference.Tests.Tokenization;

public sealed class TokenizerConfigTests
{
    [Fact]
    public void Reads_template_and_special_tokens_in_string_and_object_form()
    {
        var dir = TempDirectory.Create();
        var path = Path.Combine(dir, "tokenizer_config.json");
        File.WriteAllText(path, """
            {"add_bos_token": true, "bos_token": {"content": "<s>", "lstrip": false}, "eos_token": "</s>",
             "model_max_length": 1000000000000000019884624838656,
             "chat_template": [{"name": "tool_use", "template": "x"}, {"name": "default", "template": "{{ messages }}"}]}
            """);

        var config = TokenizerConfig.Load(path);

        Assert.True(config.AddBosToken);
        Assert.Equal("<s>", config.BosToken);
        Assert.Equal("</s>", config.EosToken);
        Assert.Equal("{{ messages }}", config.ChatTemplate);
        Assert.Null(config.ModelMaxLength);
    }

    [Fact]
    public void Absent_file_gives_empty_settings()
    {
        var config = TokenizerConfig.Load(Path.Combine(TempDirectory.Create(), "tokenizer_config.json"));

        Assert.Null(config.ChatTemplate);
        Assert.False(config.AddBosToken);
    }
}
