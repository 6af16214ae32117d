using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tokenization;

namespace HeteroAgents.Inference.Tests.Templates;

/// <summary>Expected strings are what the published Jinja templates of the real models render.</summary>
public sealed class ChatTemplateTests
{
    private static readonly ChatTurn[] UserOnly = [new("user", "Hi")];
    private static readonly ChatTurn[] Conversation = [new("system", "Be brief."), new("user", "Hi"), new("assistant", "Hello!"), new("user", "Bye")];

    // Excerpts of the real tokenizer_config.json chat_template values (as JSON-decoded strings: "\n" stays backslash-n inside Jinja literals).
    private const string Qwen25Source = @"{%- if tools %}...{%- else %}{%- if messages[0]['role'] == 'system' %}{{- '<|im_start|>system\n' + messages[0]['content'] + '<|im_end|>\n' }}{%- else %}{{- '<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n' }}{%- endif %}{%- endif %}";
    private const string SmolLm2Source = @"{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";
    private const string Llama32Source = @"{{- bos_token }}{%- if strftime_now is defined %}{%- set date_string = strftime_now(""%d %b %Y"") %}{%- endif %}{{- ""<|start_header_id|>system<|end_header_id|>\n\n"" }}{{- ""Cutting Knowledge Date: December 2023\n"" }}";
    private const string Llama30Source = @"{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}";
    private const string Phi3Source = @"{% for message in messages %}{% if message['role'] == 'system' %}{{'<|system|>\n' + message['content'] + '<|end|>\n'}}{% elif message['role'] == 'user' %}{{'<|user|>\n' + message['content'] + '<|end|>\n'}}{% endif %}{% endfor %}";
    private const string GemmaSource = @"{{ bos_token }}{% for message in messages %}{{ '<start_of_turn>' + role + '\n' + message['content'] | trim + '<end_of_turn>\n' }}{% endfor %}";

    [Fact]
    public void Qwen25_inserts_its_default_system_prompt()
    {
        var template = Resolve(ModelFamily.Qwen2, Qwen25Source);

        Assert.Equal(
            "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
            template.Render(UserOnly));
    }

    [Fact]
    public void Chatml_uses_a_given_system_message_instead_of_the_default()
    {
        var template = Resolve(ModelFamily.Qwen2, Qwen25Source);

        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n",
            template.Render(Conversation));
    }

    [Fact]
    public void SmolLm2_default_system_prompt_and_no_generation_prompt()
    {
        var template = Resolve(ModelFamily.Llama, SmolLm2Source);

        Assert.Equal(
            "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n",
            template.Render(UserOnly, addGenerationPrompt: false));
    }

    [Fact]
    public void Qwen3_without_template_default_has_no_system_prompt()
    {
        var template = Resolve(ModelFamily.Qwen3, null);

        Assert.Equal("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", template.Render(UserOnly));
    }

    [Fact]
    public void Llama32_writes_the_dated_system_header_and_trims_content()
    {
        var template = ChatTemplateResolver.Resolve(ModelFamily.Llama, new TokenizerConfig { ChatTemplate = Llama32Source, BosToken = "<|begin_of_text|>" }, new FixedClock(new DateTimeOffset(2025, 3, 5, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 05 Mar 2025\n\nBe brief.<|eot_id|>"
            + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>"
            + "<|start_header_id|>user<|end_header_id|>\n\nBye<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            template.Render([new("system", " Be brief. "), new("user", "Hi\n"), new("assistant", "Hello!"), new("user", "Bye")]));
    }

    [Fact]
    public void Llama30_has_no_system_header_unless_given()
    {
        var template = Resolve(ModelFamily.Llama, Llama30Source, bos: "<|begin_of_text|>");

        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            template.Render(UserOnly));
        Assert.Contains("<|eot_id|>", template.EndOfTurnTokens);
    }

    [Fact]
    public void Phi3_turns_and_eos_without_generation_prompt()
    {
        var template = Resolve(ModelFamily.Phi3, Phi3Source, eos: "<|endoftext|>");

        Assert.Equal(
            "<|system|>\nBe brief.<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\nHello!<|end|>\n<|user|>\nBye<|end|>\n<|assistant|>\n",
            template.Render(Conversation));
        Assert.Equal("<|user|>\nHi<|end|>\n<|endoftext|>", template.Render(UserOnly, addGenerationPrompt: false));
    }

    [Fact]
    public void Gemma_maps_assistant_to_model_and_folds_system_into_first_user_turn()
    {
        var template = Resolve(ModelFamily.Gemma, GemmaSource, bos: "<bos>");

        Assert.Equal(
            "<bos><start_of_turn>user\nBe brief.\n\nHi<end_of_turn>\n<start_of_turn>model\nHello!<end_of_turn>\n<start_of_turn>user\nBye<end_of_turn>\n<start_of_turn>model\n",
            template.Render(Conversation));
        Assert.Equal("<bos><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\n", template.Render(UserOnly));
    }

    [Theory]
    [InlineData(ModelFamily.Phi3, "phi3")]
    [InlineData(ModelFamily.Gemma, "gemma")]
    [InlineData(ModelFamily.Qwen2, "chatml")]
    public void Family_default_applies_when_the_folder_has_no_template(ModelFamily family, string expected)
        => Assert.Equal(expected, Resolve(family, null).Name);

    private static IChatTemplate Resolve(ModelFamily family, string? source, string? bos = null, string? eos = null)
        => ChatTemplateResolver.Resolve(family, new TokenizerConfig { ChatTemplate = source, BosToken = bos, EosToken = eos });

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
