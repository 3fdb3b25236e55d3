using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Core.Handoff;

namespace Switchboard.IntegrationTests.Handoff;

public sealed class ZendeskTicketHandoffTests : IAsyncLifetime
{
    private const string Token = "zd-secret-token-123";
    private const string Email = "agent@example.com";
    private static readonly DateTimeOffset Start = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    private readonly ListLogger<ZendeskTicketHandoff> _logger = new();
    private LoopbackFakeServer _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackFakeServer.StartAsync(TestContext.Current.CancellationToken);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task CreateTicketAsync_PostsTheTicketWithTheWholeHistory()
    {
        _server.Handler = context => LoopbackFakeServer.JsonAsync(context, StatusCodes.Status201Created, """{"ticket":{"id":35436,"status":"new"}}""");

        var ticket = await Handoff().CreateTicketAsync(Request(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(new TicketRef("zendesk", "35436", new Uri(_server.BaseUrl, "agent/tickets/35436")), ticket);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v2/tickets.json", request.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}/token:{Token}")), request.Authorization);
        using var json = JsonDocument.Parse(request.Body);
        var body = json.RootElement.GetProperty("ticket");
        Assert.Equal("Billing: charged twice", body.GetProperty("subject").GetString());
        Assert.Equal("high", body.GetProperty("priority").GetString());
        Assert.Equal("switchboard-case-42", body.GetProperty("external_id").GetString());
        Assert.Equal(["switchboard", "billing", "severity_high", "finance"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Dana", body.GetProperty("requester").GetProperty("name").GetString());
        Assert.False(body.GetProperty("requester").TryGetProperty("email", out _));
        var comment = body.GetProperty("comment");
        Assert.False(comment.GetProperty("public").GetBoolean());
        Assert.Equal(
            """
            Switchboard case #42: cross-channel history

            [2026-11-18 12:00 UTC] x public · @dana:
            you charged me twice!!

            [2026-11-18 12:05 UTC] x public · Switchboard (us):
            Sorry about that. We sent you a DM so we can help.

            [2026-11-18 12:07 UTC] telegram DM · @dana:
            order 4521987, charged on the 3rd and the 4th

            """.ReplaceLineEndings("\n"),
            comment.GetProperty("body").GetString());
        Assert.Contains(_logger.Lines, l => l.Contains("Opened zendesk ticket 35436 for case 42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateTicketAsync_PutsAPrivateCommentAndStatus()
    {
        _server.Handler = context => LoopbackFakeServer.JsonAsync(context, StatusCodes.Status200OK, """{"ticket":{"id":35436}}""");
        var update = new TicketUpdate(42, [new CaseHistoryEntry(Start.AddHours(1), "telegram", "in", "@dana", false, "any news?")], "Reopened by the customer", "open");

        await Handoff().UpdateTicketAsync("35436", update, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/api/v2/tickets/35436.json", request.PathAndQuery);
        using var json = JsonDocument.Parse(request.Body);
        var ticket = json.RootElement.GetProperty("ticket");
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Contains("Reopened by the customer", ticket.GetProperty("comment").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("any news?", ticket.GetProperty("comment").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, TicketHandoffFailure.Auth)]
    [InlineData(403, TicketHandoffFailure.Auth)]
    [InlineData(404, TicketHandoffFailure.NotFound)]
    [InlineData(422, TicketHandoffFailure.Invalid)]
    [InlineData(500, TicketHandoffFailure.Transient)]
    [InlineData(503, TicketHandoffFailure.Transient)]
    public async Task CreateTicketAsync_ErrorStatus_IsATypedFailureWithoutTheToken(int status, TicketHandoffFailure failure)
    {
        _server.Handler = context => LoopbackFakeServer.JsonAsync(context, status, """{"error":"RecordInvalid","description":"Record validation errors"}""");

        var ex = await Assert.ThrowsAsync<TicketHandoffException>(() => Handoff().CreateTicketAsync(Request(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));

        Assert.Equal(failure, ex.Failure);
        Assert.Equal(status, ex.StatusCode);
        Assert.Contains("RecordInvalid", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logger.Lines, l => l.Contains(Token, StringComparison.Ordinal) || l.Contains(Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateTicketAsync_429_IsRateLimitedWithRetryAfter()
    {
        _server.Handler = context =>
        {
            context.Response.Headers.RetryAfter = "30";
            return LoopbackFakeServer.JsonAsync(context, StatusCodes.Status429TooManyRequests, "{}");
        };

        var ex = await Assert.ThrowsAsync<TicketHandoffException>(() => Handoff().CreateTicketAsync(Request(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));

        Assert.Equal(TicketHandoffFailure.RateLimited, ex.Failure);
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.True(ex.IsRetryable);
    }

    [Fact]
    public async Task CreateTicketAsync_NoTicketIdInTheAnswer_IsInvalid()
    {
        _server.Handler = context => LoopbackFakeServer.JsonAsync(context, StatusCodes.Status201Created, """{"ok":true}""");

        var ex = await Assert.ThrowsAsync<TicketHandoffException>(() => Handoff().CreateTicketAsync(Request(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));

        Assert.Equal(TicketHandoffFailure.Invalid, ex.Failure);
    }

    [Fact]
    public async Task CreateTicketAsync_NothingListening_IsTransient()
    {
        var closed = _server.BaseUrl;
        await _server.DisposeAsync();
        _server = await LoopbackFakeServer.StartAsync(TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<TicketHandoffException>(() => Handoff(closed).CreateTicketAsync(Request(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));

        Assert.Equal(TicketHandoffFailure.Transient, ex.Failure);
    }

    [Fact]
    public async Task AddZendeskHandoff_TypedClient_CreatesThroughTheFake()
    {
        _server.Handler = context => LoopbackFakeServer.JsonAsync(context, StatusCodes.Status201Created, """{"ticket":{"id":7}}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Switchboard:Handoff:Zendesk:Enabled"] = "true",
            ["Switchboard:Handoff:Zendesk:BaseUrl"] = _server.BaseUrl.ToString(),
            ["Switchboard:Handoff:Zendesk:Email"] = Email,
            ["Switchboard:Handoff:Zendesk:ApiToken"] = Token,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        await using var provider = services.AddZendeskHandoff().BuildServiceProvider();

        var ticket = await provider.GetRequiredService<ITicketHandoff>().CreateTicketAsync(Request(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal("7", ticket.Id);
    }

    [Fact]
    public void AddZendeskHandoff_EnabledWithoutToken_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Switchboard:Handoff:Zendesk:Enabled"] = "true",
            ["Switchboard:Handoff:Zendesk:BaseUrl"] = "http://acme.zendesk.com",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddZendeskHandoff().BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ZendeskOptions>>().Value);

        Assert.Equal(3, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.StartsWith("Switchboard:Handoff:Zendesk:BaseUrl:", StringComparison.Ordinal));
    }

    private ZendeskTicketHandoff Handoff(Uri? baseUrl = null) => new(
        _http,
        Options.Create(new ZendeskOptions { Enabled = true, BaseUrl = baseUrl ?? _server.BaseUrl, Email = Email, ApiToken = Token }),
        TimeProvider.System,
        _logger);

    private static TicketRequest Request() => new(
        42,
        "Billing: charged twice",
        "billing",
        "high",
        new TicketRequester("Dana", "x:12345"),
        [
            new CaseHistoryEntry(Start.AddMinutes(7), "telegram", "in", "@dana", false, "order 4521987, charged on the 3rd and the 4th"),
            new CaseHistoryEntry(Start, "x", "in", "@dana", true, "you charged me twice!!"),
            new CaseHistoryEntry(Start.AddMinutes(5), "x", "out", "Switchboard", true, "Sorry about that. We sent you a DM so we can help."),
        ])
    {
        Tags = ["finance"],
    };
}
