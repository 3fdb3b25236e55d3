using Switchboard.Core.Drafting;

namespace Switchboard.UnitTests.Drafting;

public sealed class RegexPersonalDataScannerTests
{
    private readonly RegexPersonalDataScanner _scanner = new();

    [Theory]
    [InlineData("write to dana.k@example.org today", "email", "dana.k@example.org")]
    [InlineData("call +44 7700 900123 now", "phone", "+44 7700 900123")]
    [InlineData("call (555) 123-4567", "phone", "(555) 123-4567")]
    [InlineData("card 4111 1111 1111 1111 declined", "card", "4111 1111 1111 1111")]
    [InlineData("order #4521987 late", "reference", "4521987")]
    [InlineData("my order number is AB12CD34", "reference", "AB12CD34")]
    [InlineData("IBAN GB33BUKB20201555555555", "iban", "GB33BUKB20201555555555")]
    public void Scan_PersonalData_IsFound(string text, string type, string value)
    {
        var spans = _scanner.Scan(text);

        Assert.Contains(spans, s => s.Type == type && text[s.Start..s.End] == value);
    }

    [Theory]
    [InlineData("We reply within 24 hours, 7 days a week.")]
    [InlineData("Join #launch2026 for the giveaway")]
    [InlineData("See https://help.example.com/refunds for details.")]
    [InlineData("Thanks, this made our day!")]
    [InlineData("The sale ends 2026-11-30 at midnight.")]
    public void Scan_OrdinaryText_FindsNothing(string text)
    {
        Assert.Empty(_scanner.Scan(text));
    }

    [Fact]
    public void Scan_SixteenDigitsFailingLuhn_IsNotACard()
    {
        Assert.DoesNotContain(_scanner.Scan("code 1234 5678 9012 3456"), s => s.Type == "card");
    }
}
