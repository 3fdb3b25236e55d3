using System.Text;
using Switchboard.Core.Ingest;

namespace Switchboard.UnitTests.Ingest;

public sealed class IngestSignatureTests
{
    private const string Secret = "0123456789abcdef0123";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"platform":"x","messageId":"1"}""");

    [Fact]
    public void Verify_SignatureOverTimestampAndBody_Accepted()
    {
        var signature = IngestSignature.Compute(Secret, "1800000000", Body);

        Assert.StartsWith("v1=", signature, StringComparison.Ordinal);
        Assert.True(IngestSignature.Verify(Secret, "1800000000", signature, Body, Now, 300));
    }

    [Fact]
    public void Verify_BodyChangedByOneByte_Refused()
    {
        var signature = IngestSignature.Compute(Secret, "1800000000", Body);
        var tampered = (byte[])Body.Clone();
        tampered[^2] ^= 1;

        Assert.False(IngestSignature.Verify(Secret, "1800000000", signature, tampered, Now, 300));
    }

    [Theory]
    [InlineData("1799999699")]
    [InlineData("1800000301")]
    public void Verify_TimestampOutsideWindow_Refused(string timestamp)
    {
        var signature = IngestSignature.Compute(Secret, timestamp, Body);

        Assert.False(IngestSignature.Verify(Secret, timestamp, signature, Body, Now, 300));
    }

    [Theory]
    [InlineData(null, "v1=00")]
    [InlineData("1800000000", null)]
    [InlineData("not-a-number", "v1=00")]
    [InlineData("-5", "v1=00")]
    public void Verify_MissingOrMalformedHeaders_Refused(string? timestamp, string? signature) =>
        Assert.False(IngestSignature.Verify(Secret, timestamp, signature, Body, Now, 300));

    [Fact]
    public void Verify_OtherSecret_Refused()
    {
        var signature = IngestSignature.Compute("another-secret-value", "1800000000", Body);

        Assert.False(IngestSignature.Verify(Secret, "1800000000", signature, Body, Now, 300));
    }
}
