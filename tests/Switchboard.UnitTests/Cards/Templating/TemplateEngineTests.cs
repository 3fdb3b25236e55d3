using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Templating;

namespace Switchboard.UnitTests.Cards.Templating;

/// <summary>
/// The engine's semantics, each expectation taken from npm adaptivecards-templating 2.3.1 (the integration
/// tests compare the two engines on whole templates; these pin the rules one by one).
/// </summary>
public sealed class TemplateEngineTests
{
    private static readonly JsonNode Data = JsonNode.Parse(
        """
        {
          "case": { "id": 42, "confidence": 0.87, "isPublic": true, "nothing": null, "owner": { "name": "finance" },
                    "tags": ["a", "b"], "items": [{ "x": 1 }, { "x": 2 }], "one": [{ "x": 7 }], "none": [] },
          "outcome": null
        }
        """)!;

    [Theory]
    [InlineData("\"${case.id}\"", "42")]
    [InlineData("\"${case.isPublic}\"", "true")]
    [InlineData("\"${case.owner}\"", "{\"name\":\"finance\"}")]
    [InlineData("\"${case.nothing}\"", "null")]
    [InlineData("\"#${case.id}\"", "\"#42\"")]
    [InlineData("\"${true}\"", "\"true\"")]
    [InlineData("\"${1.50}\"", "\"1.5\"")]
    public void Expand_WholeStringExpression_KeepsItsTypeUnlessConstant(string template, string expected)
    {
        Assert.Equal(expected, Expand(template));
    }

    [Theory]
    [InlineData("\"${case.missing}\"", "\"${case.missing}\"")]
    [InlineData("\"a ${case.missing.deep} b\"", "\"a ${case.missing.deep} b\"")]
    [InlineData("\"${toUpper(case.missing)}\"", "\"${CASE.MISSING}\"")]
    [InlineData("\"${coalesce(case.missing, 'x')}\"", "\"${case.missing}\"")]
    [InlineData("\"${if(exists(case.missing), case.missing, 'dflt')}\"", "\"dflt\"")]
    [InlineData("\"${$index}\"", "\"${$index}\"")]
    public void Expand_UndefinedPath_StaysAsLiteralText(string template, string expected)
    {
        Assert.Equal(expected, Expand(template));
    }

    [Theory]
    [InlineData("\"${exists(outcome)}\"", "false")]
    [InlineData("\"${exists(outcome.text)}\"", "false")]
    [InlineData("\"${outcome == null}\"", "true")]
    [InlineData("\"${case.missing == null}\"", "true")]
    [InlineData("\"${not(exists(case.missing))}\"", "true")]
    [InlineData("\"${if(case.nothing, 'y', 'n')}\"", "\"n\"")]
    [InlineData("\"${if(0, 'y', 'n')}\"", "\"y\"")]
    [InlineData("\"${'1' == 1}\"", "false")]
    [InlineData("\"${case.id >= 42 && case.isPublic}\"", "true")]
    public void Expand_LogicAndComparison_FollowAel(string template, string expected)
    {
        Assert.Equal(expected, Expand(template));
    }

    [Theory]
    [InlineData("\"${round(mul(case.confidence, 100))}\"", "87")]
    [InlineData("\"${mul(0.57, 100)}\"", "56.99999999999999")]
    [InlineData("\"${div(7, 2)}\"", "3")]
    [InlineData("\"${div(7.5, 2)}\"", "3.75")]
    [InlineData("\"${round(-2.5)}\"", "-2")]
    [InlineData("\"${round(0.125, 2)}\"", "0.13")]
    [InlineData("\"${'n' + case.id}\"", "\"n42\"")]
    [InlineData("\"${case.id + 1}\"", "43")]
    [InlineData("\"${count(case.tags)}\"", "2")]
    [InlineData("\"${join(case.tags, ', ')}\"", "\"a, b\"")]
    [InlineData("\"x ${case.tags}\"", "\"x a,b\"")]
    [InlineData("\"x ${case.owner}\"", "\"x [object Object]\"")]
    [InlineData("\"${formatDateTime('2026-11-22T13:45:00+02:00', 'yyyy-MM-dd HH:mm')}\"", "\"2026-11-22 11:45\"")]
    [InlineData("\"${case.OWNER.NAME}\"", "\"finance\"")]
    public void Expand_Functions_MatchTheReference(string template, string expected)
    {
        Assert.Equal(expected, Expand(template));
    }

    [Fact]
    public void Expand_WhenNotTrue_DropsElementFromArrayAndNullsProperty()
    {
        var result = Expand("""{"list":[{"$when":"${exists(outcome)}","a":1},{"b":2}],"prop":{"$when":"${case.id}","c":3},"literal":{"$when":true,"d":4}}""");

        Assert.Equal("""{"list":[{"b":2}],"prop":null,"literal":null}""", result);
    }

    [Fact]
    public void Expand_DataArray_RepeatsWithIndexAndFlattens()
    {
        var result = Expand("""{"list":["first",{"$data":"${case.items}","x":"${x}","i":"${$index}","root":"${$root.case.id}"},"${case.tags}",[1,2]]}""");

        Assert.Equal("""{"list":["first",{"x":1,"i":0,"root":42},{"x":2,"i":1,"root":42},"a","b",1,2]}""", result);
    }

    [Fact]
    public void Expand_DataArrayOfOneOrNone_GivesObjectOrNull()
    {
        var result = Expand("""{"one":{"$data":"${case.one}","x":"${x}"},"none":{"$data":"${case.none}","x":1},"many":{"$data":"${case.items}","x":"${x}"}}""");

        Assert.Equal("""{"one":{"x":7},"none":null,"many":[{"x":1},{"x":2}]}""", result);
    }

    [Fact]
    public void Expand_DataObject_ScopesPathsAndRemovesReservedKeys()
    {
        var result = Expand("""{"$data":"${case.owner}","name":"${name}","self":"${$data.name}","id":"${$root.case.id}","$root":1,"$index":2,"$host":3}""");

        Assert.Equal("""{"name":"finance","self":"finance","id":42}""", result);
    }

    [Fact]
    public void Expand_NullInMixedText_FailsLikeTheReference()
    {
        Assert.Throws<TemplateException>(() => Expand("\"x ${case.nothing}\""));
    }

    [Theory]
    [InlineData("\"${nosuchfunction(1)}\"")]
    [InlineData("\"${case.id +}\"")]
    [InlineData("\"${'open}\"")]
    [InlineData("\"${case.id\"")]
    [InlineData("\"`${case.id}`\"")]
    public void Validate_BrokenExpression_Throws(string template)
    {
        Assert.Throws<TemplateException>(() => TemplateEngine.Validate(JsonNode.Parse(template)));
    }

    [Fact]
    public void Expand_Template_LeavesTheTemplateUntouched()
    {
        var template = JsonNode.Parse("""{"body":[{"$data":"${case.items}","x":"${x}"}]}""")!;
        var before = template.ToJsonString();

        TemplateEngine.Expand(template, Data);

        Assert.Equal(before, template.ToJsonString());
    }

    private static string Expand(string template) =>
        TemplateEngine.Expand(JsonNode.Parse(template), Data)?.ToJsonString() ?? "null";
}
