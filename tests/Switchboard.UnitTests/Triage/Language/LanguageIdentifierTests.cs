using Switchboard.Core.Triage.Language;

namespace Switchboard.UnitTests.Triage.Language;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = LanguageIdentifier.CreateDefault();

    [Theory]
    [InlineData("my package never showed up and nobody answers the phone", "en")]
    [InlineData("mi paquete nunca llegó y nadie contesta el teléfono", "es")]
    [InlineData("mon colis n'est jamais arrivé et personne ne répond au téléphone", "fr")]
    [InlineData("mein Paket ist nie angekommen und niemand geht ans Telefon", "de")]
    [InlineData("minha encomenda nunca chegou e ninguém atende o telefone", "pt")]
    [InlineData("il mio pacco non è mai arrivato e nessuno risponde al telefono", "it")]
    [InlineData("mijn pakket is nooit aangekomen en niemand neemt de telefoon op", "nl")]
    [InlineData("paketim hiç gelmedi ve kimse telefona cevap vermiyor", "tr")]
    [InlineData("моя посылка так и не пришла, и никто не отвечает", "ru")]
    [InlineData("لم تصل طلبيتي ولا أحد يرد على الهاتف", "ar")]
    [InlineData("मेरा पार्सल कभी नहीं आया और कोई फ़ोन नहीं उठाता", "hi")]
    [InlineData("荷物が届かないし、誰も電話に出ません", "ja")]
    [InlineData("我的包裹一直没到，也没人接电话", "zh")]
    public void Identify_Sentence_ReturnsItsLanguage(string text, string expected) =>
        Assert.Equal(expected, Identifier.Identify(text));

    [Theory]
    [InlineData("")]
    [InlineData("😂😂😂")]
    [InlineData("12345 !!!")]
    [InlineData("@brand https://t.co/xyz")]
    public void Identify_NoLanguageEvidence_ReturnsUnd(string text) =>
        Assert.Equal(LanguageIdentifier.Undetermined, Identifier.Identify(text));
}
