using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Pii;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.UnitTests.Triage.Pii;

public sealed class PiiDetectorTests
{
    private static readonly PiiDetector Detector = new(RuleSet.LoadDefault().PiiPatterns, detectStreetAddress: true);

    private static List<(string Type, string Value)> Find(string text) =>
        [.. Detector.Detect(text).Select(s => (s.Type, text[s.Start..s.End]))];

    [Theory]
    [InlineData("mail me at jane.doe+care@example.co.uk please", "jane.doe+care@example.co.uk")]
    [InlineData("EMAIL: J_Smith@mail.example.com.", "J_Smith@mail.example.com")]
    public void Detect_Email_FindsSpan(string text, string expected) =>
        Assert.Contains((PiiTypes.Email, expected), Find(text));

    [Theory]
    [InlineData("thanks @brand for the help")]
    [InlineData("meet me @ 5pm")]
    [InlineData("user@localhost is not an address")]
    public void Detect_NotAnEmail_FindsNone(string text) =>
        Assert.DoesNotContain(Find(text), s => s.Type == PiiTypes.Email);

    [Theory]
    [InlineData("call me on +1 (415) 555-0132 after 5", "+1 (415) 555-0132")]
    [InlineData("my number is 07700 900123", "07700 900123")]
    [InlineData("ring 415.555.0132", "415.555.0132")]
    public void Detect_Phone_FindsSpan(string text, string expected) =>
        Assert.Contains((PiiTypes.Phone, expected), Find(text));

    [Theory]
    [InlineData("flight 1818 was delayed 3 hours")]
    [InlineData("it cost 2499 dollars in 2024")]
    [InlineData("gate B12, seat 14C")]
    public void Detect_ShortNumbers_AreNotPhones(string text) =>
        Assert.DoesNotContain(Find(text), s => s.Type == PiiTypes.Phone);

    [Theory]
    [InlineData("my card 4111 1111 1111 1111 was charged", "4111 1111 1111 1111")]
    [InlineData("card 5500-0000-0000-0004 declined", "5500-0000-0000-0004")]
    [InlineData("amex 378282246310005", "378282246310005")]
    public void Detect_CardPassingLuhn_IsPaymentCard(string text, string expected) =>
        Assert.Contains((PiiTypes.PaymentCard, expected), Find(text));

    [Theory]
    [InlineData("my card 4111 1111 1111 1112 was charged")]
    [InlineData("reference 1234567812345678")]
    [InlineData("0000 0000 0000 0000")]
    public void Detect_SixteenDigitsFailingLuhn_IsNotPaymentCard(string text) =>
        Assert.DoesNotContain(Find(text), s => s.Type == PiiTypes.PaymentCard);

    [Theory]
    [InlineData("pay to GB82 WEST 1234 5698 7654 32 today", "GB82 WEST 1234 5698 7654 32")]
    [InlineData("IBAN DE89370400440532013000", "DE89370400440532013000")]
    public void Detect_IbanPassingMod97_FindsSpan(string text, string expected) =>
        Assert.Contains((PiiTypes.Iban, expected), Find(text));

    [Theory]
    [InlineData("IBAN DE89370400440532013001")]
    [InlineData("code AB12 CDEF 1234 5678 90")]
    public void Detect_IbanFailingMod97_FindsNone(string text) =>
        Assert.DoesNotContain(Find(text), s => s.Type == PiiTypes.Iban);

    [Theory]
    [InlineData("deliver to 221B Baker Street tomorrow", "221B Baker Street")]
    [InlineData("I live at 42 Old Mill Rd. and nothing came", "42 Old Mill Rd.")]
    public void Detect_StreetAddress_FindsSpan(string text, string expected) =>
        Assert.Contains((PiiTypes.StreetAddress, expected), Find(text));

    [Theory]
    [InlineData("spent 2 hours on the road")]
    [InlineData("waited 3 days for the way out")]
    public void Detect_NumberBeforeStreetWord_IsNotAddress(string text) =>
        Assert.DoesNotContain(Find(text), s => s.Type == PiiTypes.StreetAddress);

    [Fact]
    public void Detect_ConfiguredOrderAndTrackingPatterns_FindValueSpans()
    {
        var found = Find("order #AB-778812 never came, UPS tracking 1Z999AA10123456784");

        Assert.Contains(("order_number", "AB-778812"), found);
        Assert.Contains(("tracking_number", "1Z999AA10123456784"), found);
    }

    [Fact]
    public void Detect_NoDigitsNoAt_ReturnsEmpty() =>
        Assert.Empty(Detector.Detect("nothing personal here at all"));

    [Fact]
    public void Detect_SpansAreSortedAndDisjoint()
    {
        var spans = Detector.Detect("card 4111 1111 1111 1111 or call +44 20 7946 0958, mail a@b.io");

        Assert.Equal(3, spans.Count);
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i - 1].End <= spans[i].Start);
        }
    }

    [Fact]
    public void Luhn_KnownValues_Checked()
    {
        Assert.True(PiiDetector.Luhn([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
        Assert.False(PiiDetector.Luhn([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
    }
}
