using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Core.Storage;
using Switchboard.Core.Ingest;
using Switchboard.Ingest;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Ingest;

public sealed class SignedIngestTests : IAsyncLifetime
{
    private const string Secret = "test-secret-0123456789";
    private readonly TempFolder _folder = new();
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await TestHost.StartAsync(_folder.File("ingest.db"), new Dictionary<string, string?> { ["Switchboard:Ingest:SigningSecret"] = Secret });

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    private static string Body(string id) =>
        new JsonObject { ["platform"] = "instagram", ["messageId"] = id, ["authorId"] = "u1", ["authorHandle"] = "@u1", ["text"] = "my parcel never arrived", ["isPublic"] = true }.ToJsonString();

    private async Task<HttpResponseMessage> SendAsync(string body, long timestamp, string? signature = null)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Switchboard-Timestamp", ts);
        request.Headers.Add("X-Switchboard-Signature", signature ?? IngestSignature.Compute(Secret, ts, Encoding.UTF8.GetBytes(body)));
        return await _host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Ingest_ValidSignature_StoredAndRedeliveryDeduplicated()
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        var first = await SendAsync(Body("ig-1"), now);
        var again = await SendAsync(Body("ig-1"), now);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var duplicate = await again.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.True((bool)duplicate!["duplicate"]!);
        Assert.Equal(1, await _host.Get<IMessageStore>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ingest_BadSignature_401AndNothingStored()
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        var response = await SendAsync(Body("ig-2"), now, "v1=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _host.Get<IMessageStore>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ingest_StaleTimestamp_401()
    {
        var tenMinutesAgo = TimeProvider.System.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds();

        var response = await SendAsync(Body("ig-3"), tenMinutesAgo);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Ingest_MissingFields_400WithProblemDetails()
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        var response = await SendAsync("""{"platform":"instagram"}""", now);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("messageId", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
