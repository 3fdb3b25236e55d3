using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Teams;
using Switchboard.Core.Connectors;
using Switchboard.UnitTests.Routing.Sla;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsEndpointsTests : IDisposable
{
    private const string Activity = """{"type":"message","id":"m1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"},"text":"hi"}""";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 14, 2, 0, TimeSpan.Zero));
    private readonly HttpClient _client = new(new StubTeamsHandler((_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError)));
    private readonly TeamsSigningKeys _keys;
    private readonly TeamsTokenProvider _tokens;
    private readonly IOptions<TeamsOptions> _options = Options.Create(new TeamsOptions { Enabled = true, DevelopmentModeWithoutAuth = true });

    public TeamsEndpointsTests()
    {
        _keys = new TeamsSigningKeys(_client, TeamsTokenIssuerKind.BotConnector, "https://login.test/openid", _options, _time, NullLogger<TeamsSigningKeys>.Instance);
        _tokens = new TeamsTokenProvider(_client, _options, _time, NullLogger<TeamsTokenProvider>.Instance);
    }

    [Fact]
    public async Task HandleMessagesAsync_DevelopmentModeFromLoopback_Accepted()
    {
        var status = await PostAsync(IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status200OK, status);
    }

    [Fact]
    public async Task HandleMessagesAsync_DevelopmentModeFromOtherAddress_401()
    {
        var status = await PostAsync(IPAddress.Parse("10.1.2.3"));

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
    }

    [Fact]
    public async Task HandleMessagesAsync_DevelopmentModeForwardedThroughLocalProxy_401()
    {
        var status = await PostAsync(IPAddress.Loopback, forwardedFor: "203.0.113.7");

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
    }

    public void Dispose()
    {
        _keys.Dispose();
        _tokens.Dispose();
        _client.Dispose();
    }

    private async Task<int> PostAsync(IPAddress remote, string? forwardedFor = null)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().AddMetrics().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Connection.RemoteIpAddress = remote;
        context.Request.Method = "POST";
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Activity));
        context.Response.Body = new MemoryStream();
        var handler = new TeamsActivityHandler(
            new InMemoryTeamsConversationStore(),
            new TeamsConnectorClient(_client, _tokens, NullLogger<TeamsConnectorClient>.Instance),
            new TeamsActivityDeduplicator(_time),
            _time,
            NullLogger<TeamsActivityHandler>.Instance);
        var result = await TeamsEndpoints.HandleMessagesAsync(
            context,
            new TeamsRequestAuthenticator(_keys, _keys, _options, _time),
            handler,
            new RecordingInboundSink(new CardActionResult(true, "x")),
            _options,
            new TeamsMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<TeamsActivityHandler>.Instance,
            TestContext.Current.CancellationToken);
        await result.ExecuteAsync(context);
        return context.Response.StatusCode;
    }
}
