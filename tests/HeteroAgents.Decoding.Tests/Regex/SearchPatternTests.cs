using System.Text;
using HeteroAgents.Decoding.Grammar;

namespace HeteroAgents.Decoding.Tests.Regex;

/// <summary>
/// Unanchored (search) patterns share one "matched, anything may follow" tail: alternations of words stay small
/// automata instead of one state per combination of partial matches (they used to exceed the 4,000-state limit).
/// </summary>
public sealed class SearchPatternTests
{
    // From MaskBench: Github_hard---o83133, Github_easy---o5195, Github_hard---o83677, Github_easy---o47657.
    private const string Levels = "(trace|debug[2345]?|info|stats|notice|warning|error|critical|fatal)";
    private const string Intervals = "INTERVAL_TICK|INTERVAL_M1|INTERVAL_M2|INTERVAL_M3|INTERVAL_M4|INTERVAL_M5|INTERVAL_M6|INTERVAL_M10|INTERVAL_M15|INTERVAL_M20|INTERVAL_M30|INTERVAL_H1|INTERVAL_H2|INTERVAL_H4|INTERVAL_D1|INTERVAL_W1|INTERVAL_MN1";
    private const string MixedAnchors = "^list|date|time|string|enum|int|double|long|boolean|number$";
    private const string Zones = "UTC|(Africa/[A-Za-z]+)|(America/[A-Za-z]+)|(Antarctica/[A-Za-z]+)|(Arctic/[A-Za-z]+)|(Asia/[A-Za-z]+)|(Atlantic/[A-Za-z]+)|(Australia/[A-Za-z]+)|(Europe/[A-Za-z]+)|(Indian/[A-Za-z]+)|(Pacific/[A-Za-z]+)";

    [Theory]
    [InlineData(Levels)]
    [InlineData(Intervals)]
    [InlineData(MixedAnchors)]
    [InlineData(Zones)]
    public void Word_alternations_compile_to_small_automata(string pattern)
    {
        Assert.InRange(DfaCache.Pattern(pattern).StateCount, 1, 400);
    }

    [Fact]
    public void Shared_tail_keeps_search_semantics()
    {
        var levels = Schema(Levels);
        SchemaAssert.Accepts(levels, "\"fatal\"", "\"xxdebug3yy\"", "\"é info é\"", "\"debug\"", "\"the error\"");
        SchemaAssert.Rejects(levels, "\"\"", "\"deb\"", "\"Trace\"", "\"notic e\"");

        var mixed = Schema(MixedAnchors);
        SchemaAssert.Accepts(mixed, "\"listing\"", "\"a date b\"", "\"phone number\"", "\"x int\"");
        SchemaAssert.Rejects(mixed, "\"xlist\"", "\"numbers\"", "\"\"");

        var zones = Schema(Zones);
        SchemaAssert.Accepts(zones, "\"UTC\"", "\"Europe/Paris\"", "\"in Asia/Tokyo now\"");
        SchemaAssert.Rejects(zones, "\"Europe/\"", "\"utc\"", "\"Mars/Olympus\"");
    }

    [Theory]
    [InlineData(Levels)]
    [InlineData(MixedAnchors)]
    [InlineData(Zones)]
    [InlineData("a|b$|^c")]
    [InlineData("^$|(^(?:x+\\s+){0,3}x+$)")]
    public void Automaton_agrees_with_the_platform_regex_on_random_strings(string pattern)
    {
        var dfa = DfaCache.Pattern(pattern);
        var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.ECMAScript);
        var alphabet = "abcdeilnorstuxTUCM/ _0123é\u4e2d" + pattern;
        var random = new Random(14);
        for (var n = 0; n < 3000; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 16);
            for (var i = 0; i < length; i++)
            {
                // Mix single characters with whole chunks of the pattern so that matches actually occur.
                _ = random.Next(4) == 0 ? text.Append(Chunk(pattern, random)) : text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var s = text.ToString();
            var state = dfa.Run(Encoding.UTF8.GetBytes(s));
            Assert.True(regex.IsMatch(s) == (state >= 0 && dfa.IsAccepting(state)), $"pattern {pattern} on \"{s}\"");
        }
    }

    private static string Chunk(string pattern, Random random)
    {
        var words = pattern.Split('|', '(', ')', '^', '$', '[', ']');
        return words[random.Next(words.Length)];
    }

    private static string Schema(string pattern) =>
        "{\"type\":\"string\",\"pattern\":" + System.Text.Json.JsonSerializer.Serialize(pattern) + "}";
}
