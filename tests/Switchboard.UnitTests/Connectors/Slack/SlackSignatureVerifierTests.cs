using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Slack;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackSignatureVerifierTests
{
    // The worked example in Slack's "Verifying requests from Slack" documentation.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string DocBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(DocBody);

    [Fact]
    public void Verify_SlackDocumentedExample_IsValid()
    {
        var result = Verifier(DocSecret, secondsAfter: 60).Verify(DocTimestamp, DocSignature, Body);

        Assert.Equal(SlackSignatureResult.Valid, result);
    }

    [Fact]
    public void Compute_SlackDocumentedExample_MatchesPublishedSignature()
    {
        Assert.Equal(DocSignature, Encoding.ASCII.GetString(SlackSignatureVerifier.Compute(DocSecret, DocTimestamp, Body)));
    }

    [Fact]
    public void Verify_TamperedBody_IsInvalid()
    {
        var tampered = Encoding.UTF8.GetBytes(DocBody.Replace("roadrunner", "coyote", StringComparison.Ordinal));

        Assert.Equal(SlackSignatureResult.Invalid, Verifier(DocSecret, 0).Verify(DocTimestamp, DocSignature, tampered));
    }

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("V0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=")]
    public void Verify_WrongSignature_IsInvalid(string signature)
    {
        Assert.Equal(SlackSignatureResult.Invalid, Verifier(DocSecret, 0).Verify(DocTimestamp, signature, Body));
    }

    [Fact]
    public void Verify_OtherSecret_IsInvalid()
    {
        Assert.Equal(SlackSignatureResult.Invalid, Verifier("another-secret", 0).Verify(DocTimestamp, DocSignature, Body));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void Verify_TimestampOutsideFiveMinutes_IsStale(int secondsAfter)
    {
        Assert.Equal(SlackSignatureResult.Stale, Verifier(DocSecret, secondsAfter).Verify(DocTimestamp, DocSignature, Body));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void Verify_TimestampAtWindowEdge_IsValid(int secondsAfter)
    {
        Assert.Equal(SlackSignatureResult.Valid, Verifier(DocSecret, secondsAfter).Verify(DocTimestamp, DocSignature, Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NoSigningSecret_RefusesEvenACorrectSignature(string? secret)
    {
        Assert.Equal(SlackSignatureResult.NoSecret, Verifier(secret, 0).Verify(DocTimestamp, DocSignature, Body));
    }

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData("", DocSignature)]
    [InlineData("15314206x8", DocSignature)]
    [InlineData("-1531420618", DocSignature)]
    public void Verify_MissingOrMalformedHeaders_IsMissing(string? timestamp, string? signature)
    {
        Assert.Equal(SlackSignatureResult.Missing, Verifier(DocSecret, 0).Verify(timestamp, signature, Body));
    }

    private static SlackSignatureVerifier Verifier(string? secret, int secondsAfter) => new(
        Options.Create(new SlackOptions { SigningSecret = secret }),
        new SlackTestClock(DateTimeOffset.FromUnixTimeSeconds(long.Parse(DocTimestamp) + secondsAfter)));
}
