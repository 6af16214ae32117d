namespace HeteroAgents.Decoding.Tests;

public sealed class DebugTests
{
    [Fact]
    public void Simple_object_cl100k()
    {
        var g = JsonSchemaCompiler.Compile("""{"type":"object","properties":{"a":{"type":"boolean"}}}""");
        var v = TestVocabularies.Cl100k;
        var c = g.CreateConstraint(v);
        var log = new List<string>();
        foreach (var id in TestVocabularies.Cl100kTokenizer.EncodeToIds("""{"a":true}"""))
        {
            var m = new uint[v.MaskWords];
            c.ComputeMask(m);
            var allowed = (m[id >> 5] & (1u << (id & 31))) != 0;
            log.Add($"{id}[{System.Text.Encoding.UTF8.GetString(v.GetBytes(id))}]:{allowed}/{c.TryAdvance(id)}");
        }

        Assert.Fail(string.Join(" ", log) + " acc=" + c.IsAccepting);
    }
}
