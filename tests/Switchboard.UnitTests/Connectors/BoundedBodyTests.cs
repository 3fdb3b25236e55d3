using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors;

public sealed class BoundedBodyTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_BodyAtTheLimit_ReturnsEveryByte()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();

        var read = await BoundedBody.ReadAsync(new MemoryStream(bytes), bytes.Length, bytes.Length, Ct);

        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverTheLimit_RefusedWithoutReading()
    {
        var body = new MemoryStream(new byte[10]);

        var read = await BoundedBody.ReadAsync(body, 1_000_000, 100, Ct);

        Assert.Null(read);
        Assert.Equal(0, body.Position);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(50L)]
    public async Task ReadAsync_BodyLongerThanTheLimitWithMissingOrWrongLength_Refused(long? declared)
    {
        var read = await BoundedBody.ReadAsync(new MemoryStream(new byte[200_001]), declared, 200_000, Ct);

        Assert.Null(read);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_ReturnsEmpty()
    {
        var read = await BoundedBody.ReadAsync(new MemoryStream(), null, 100, Ct);

        Assert.NotNull(read);
        Assert.Empty(read);
    }
}
