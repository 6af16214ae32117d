using System.Text.Json;
using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Collect;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Key_order_whitespace_and_number_spelling_do_not_change_the_canonical_form()
    {
        var a = CanonicalJson.TryCanonicalize("{\"b\": [1, 2.50, {\"y\":1,\"x\":2}], \"a\": \"t\"}");
        var b = CanonicalJson.TryCanonicalize("{\"a\":\"t\",\"b\":[1.0,2.5,{\"x\":2,\"y\":1e0}]}");
        Assert.Equal(a, b);
        Assert.Equal("{\"a\":\"t\",\"b\":[1,2.5,{\"x\":2,\"y\":1}]}", a);
    }

    [Fact]
    public void Array_order_and_values_do_change_it()
    {
        Assert.NotEqual(CanonicalJson.TryCanonicalize("[1,2]"), CanonicalJson.TryCanonicalize("[2,1]"));
        Assert.NotEqual(CanonicalJson.TryCanonicalize("{\"a\":\"1\"}"), CanonicalJson.TryCanonicalize("{\"a\":1}"));
        Assert.Null(CanonicalJson.TryCanonicalize("{not json"));
    }

    [Fact]
    public void Fingerprint_is_key_order_independent_and_none_without_schema()
    {
        var a = JsonDocument.Parse("{\"type\":\"object\",\"required\":[\"x\"]}").RootElement;
        var b = JsonDocument.Parse("{\"required\":[\"x\"],\"type\":\"object\"}").RootElement;
        Assert.Equal(CanonicalJson.Fingerprint(a), CanonicalJson.Fingerprint(b));
        Assert.Equal(16, CanonicalJson.Fingerprint(a).Length);
        Assert.Equal("none", CanonicalJson.Fingerprint(null));
    }
}
