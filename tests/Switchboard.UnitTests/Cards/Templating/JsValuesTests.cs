using Switchboard.Core.Cards.Templating;

namespace Switchboard.UnitTests.Cards.Templating;

public sealed class JsValuesTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(42d, "42")]
    [InlineData(-42d, "-42")]
    [InlineData(0.87, "0.87")]
    [InlineData(56.99999999999999, "56.99999999999999")]
    [InlineData(0.000015, "0.000015")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(123456789012d, "123456789012")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e300, "1.5e+300")]
    public void NumberToString_Value_PrintsLikeJavaScript(double value, string expected)
    {
        Assert.Equal(expected, JsValues.NumberToString(value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ToNode_NonFiniteNumber_IsNullAsInJsonStringify(double value)
    {
        Assert.Null(JsValues.ToNode(value));
    }

    [Fact]
    public void ToJsString_Null_Throws()
    {
        Assert.Throws<TemplateException>(() => JsValues.ToJsString(null));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(0d, true)]
    [InlineData("", true)]
    public void IsLogicTrue_Value_OnlyFalseAndNullAreFalse(object value, bool expected)
    {
        Assert.Equal(expected, JsValues.IsLogicTrue(value));
        Assert.False(JsValues.IsLogicTrue(null));
        Assert.False(JsValues.IsLogicTrue(JsUndefined.Value));
    }
}
