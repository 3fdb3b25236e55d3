using Switchboard.Core.Cards.Templating;

namespace Switchboard.UnitTests.Cards.Templating;

public sealed class ExpressionParserTests
{
    [Theory]
    [InlineData("a.b[0]['c']", "a.b[0]['c']")]
    [InlineData("1 + 2 * 3", "add(1, mul(2, 3))")]
    [InlineData("a == 1 && b != 2 || !c", "or(and(equals(a, 1), notEquals(b, 2)), not(c))")]
    [InlineData("a < b == c", "less(a, equals(b, c))")]
    [InlineData("'x' & \"y\"", "concat('x', 'y')")]
    [InlineData("-a", "sub(0, a)")]
    [InlineData("if(exists(x), toUpper(x), 'it\\'s')", "if(exists(x), toUpper(x), 'it's')")]
    [InlineData("$root.case.id", "$root.case.id")]
    public void Parse_Expression_BuildsTheAelTree(string text, string expected)
    {
        Assert.Equal(expected, ExpressionParser.Parse(text).ToString());
    }

    [Theory]
    [InlineData("nope(1)", "unknown function 'nope'")]
    [InlineData("a +", "unexpected end")]
    [InlineData("(a", "expected ')'")]
    [InlineData("a b", "unexpected text")]
    [InlineData("'abc", "unterminated string")]
    public void Parse_BadExpression_SaysWhy(string text, string reason)
    {
        var ex = Assert.Throws<TemplateException>(() => ExpressionParser.Parse(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
