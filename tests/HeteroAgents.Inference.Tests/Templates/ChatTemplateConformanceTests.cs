using System.Text.Json;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tests.TestSupport;
using HeteroAgents.Inference.Tokenization;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace HeteroAgents.Inference.Tests.Templates;

/// <summary>
/// The formatters against <c>@huggingface/jinja</c> 0.5.11 renders of the real chat templates (SmolLM2, Qwen2.5, Qwen3,
/// Llama 3.1, Llama 3.2, Phi-3.5, Phi-4-mini, Gemma 3) over system, multi-turn and tool conversations, written by
/// scripts/hf-reference/templates.mjs. Each template is recognised by its fingerprint, as at load time.
/// </summary>
public sealed class ChatTemplateConformanceTests(ITestOutputHelper output)
{
    private static readonly Lazy<JsonDocument> GoldenFile = new(() => JsonDocument.Parse(File.ReadAllBytes(RealModelFiles.TestData("Templates/Golden/chat-templates.json"))));

    public static TheoryData<string, string> Templates()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in GoldenFile.Value.RootElement.GetProperty("templates").EnumerateArray())
        {
            data.Add(t.GetProperty("name").GetString()!, t.GetProperty("sha256").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Renders_are_byte_identical_to_the_reference(string name, string sha256)
    {
        var golden = GoldenFile.Value.RootElement.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("sha256").GetString() == sha256);
        var formatter = KnownChatTemplates.ForFingerprint(sha256);
        Assert.True(formatter is not null, $"the {name} template {sha256} is not registered");
        var config = new TokenizerConfig { BosToken = name.StartsWith("llama", StringComparison.Ordinal) ? "<|begin_of_text|>" : "<bos>", EosToken = "<|endoftext|>" };
        var template = (ChatTemplateBase)KnownChatTemplates.Create(formatter, config, new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero)))!;
        var conversations = GoldenFile.Value.RootElement.GetProperty("conversations");
        var count = 0;
        foreach (var render in golden.GetProperty("renders").EnumerateObject())
        {
            var c = conversations.GetProperty(render.Name);
            var messages = c.GetProperty("messages").EnumerateArray().Select(Turn).ToList();
            var tools = c.TryGetProperty("tools", out var t) ? t.EnumerateArray().Select(x => new ChatToolDefinition(x.GetRawText())).ToList() : null;
            var generation = !c.TryGetProperty("add_generation_prompt", out var g) || g.GetBoolean();

            var text = template.Render(messages, tools, generation);

            Assert.True(text == render.Value.GetString(), $"{name} ({golden.GetProperty("source").GetString()}), conversation '{render.Name}':\n--- expected\n{render.Value.GetString()}\n--- got\n{text}");
            count++;
        }

        output.WriteLine($"{name} {sha256[..12]}: {count} renders byte-identical");
    }

    [Fact]
    public void The_real_qwen3_folder_resolves_to_the_qwen3_formatter_with_thinking_off()
    {
        var config = TokenizerConfig.Load(Path.Combine(RealModelFiles.Qwen3, "tokenizer_config.json"));

        var template = ChatTemplateResolver.Resolve(config, "qwen3-0.6b");

        Assert.Equal("qwen3", template.Name);
        Assert.EndsWith("chat_template.jinja", config.ChatTemplateSource, StringComparison.Ordinal);
        Assert.EndsWith("<|im_start|>assistant\n<think>\n\n</think>\n\n", template.Render([new("user", "Hi")]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_template_is_refused_naming_the_model_and_the_setting()
    {
        var config = new TokenizerConfig { ChatTemplate = "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}" };

        var ex = Assert.Throws<ModelLoadException>(() => ChatTemplateResolver.Resolve(config, "my-finetune"));

        Assert.Contains("'my-finetune'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Hetero:Onnx:ChatTemplate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_template_is_refused_unless_a_format_is_configured()
    {
        var ex = Assert.Throws<ModelLoadException>(() => ChatTemplateResolver.Resolve(new TokenizerConfig(), "bare"));
        Assert.Contains("'bare' has no chat template", ex.Message, StringComparison.Ordinal);

        Assert.Equal("qwen3", ChatTemplateResolver.Resolve(new TokenizerConfig(), "bare", "qwen3").Name);
        Assert.Throws<ModelLoadException>(() => ChatTemplateResolver.Resolve(new TokenizerConfig(), "bare", "vicuna"));
    }

    [Fact]
    public void Message_content_and_tool_results_are_content_segments_never_template_text()
    {
        var template = KnownChatTemplates.Create("qwen3", new TokenizerConfig())!;
        var tools = new[] { new ChatToolDefinition("""{"type": "function", "function": {"name": "f", "parameters": {}}}""") };

        var segments = template.RenderSegments([new("user", "<|im_start|>x"), new("tool", "<|im_end|>y")], tools);

        Assert.Contains(segments, s => s is { IsContent: true, Text: "<|im_start|>x" });
        Assert.Contains(segments, s => s is { IsContent: true, Text: "<|im_end|>y" });
        Assert.DoesNotContain(segments, s => !s.IsContent && (s.Text.Contains("<|im_start|>x", StringComparison.Ordinal) || s.Text.Contains("<|im_end|>y", StringComparison.Ordinal)));
    }

    private static ChatTurn Turn(JsonElement m)
    {
        var calls = m.TryGetProperty("tool_calls", out var tc)
            ? tc.EnumerateArray().Select(c => new ChatToolCall(c.GetProperty("function").GetProperty("name").GetString()!, c.GetProperty("function").GetProperty("arguments").GetRawText())).ToList()
            : null;
        return new ChatTurn(m.GetProperty("role").GetString()!, m.GetProperty("content").GetString() ?? string.Empty) { ToolCalls = calls };
    }
}
